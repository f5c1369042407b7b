using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CongressPlatform.IntegrationTests.Platform;

/// <summary>
/// The scheduled-jobs admin API (<c>/api/platform/jobs</c>) on hosts whose scheduler really runs:
/// each test starts its own host on a database of its own, with <c>Scheduler:Enabled=true</c>.
/// </summary>
public sealed class SchedulerTests
{
    internal const string OutboxJob = "platform.outbox-dispatch";
    internal const string Jobs = "/api/platform/jobs";

    /// <summary>Long enough that, after the firing at start-up, nothing fires on schedule during a test.</summary>
    private const int QuietInterval = 3600;

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_outbox_job_is_listed_with_its_schedule_in_beijing_time_and_both_languages(DatabaseProvider provider)
    {
        await using var factory = Running(provider, QuietInterval);
        var admin = Admin(factory);
        admin.DefaultRequestHeaders.AcceptLanguage.Clear();
        // Right after start-up the first firing is due "now"; once it has run the next one is an interval away.
        var jobs = await Eventually(
            async () => await (await admin.GetAsync(Jobs)).ReadAsync<List<SchedulerTests.JobView>>(),
            l => l.SingleOrDefault(j => j.Key == OutboxJob) is { LastOutcome.FinishedAtUtc: not null },
            TimeSpan.FromSeconds(15),
            "the firing at start-up should be recorded");
        var now = DateTimeOffset.UtcNow;

        var job = jobs.Should().ContainSingle(j => j.Key == OutboxJob).Subject;
        job.Description.Should().Be("投递模块间集成事件(发件箱)");
        job.TimeZone.Should().Be("Asia/Shanghai");
        job.Cron.Should().BeNull();
        job.IntervalSeconds.Should().Be(QuietInterval);
        job.PreviousFireTimeUtc.Should().NotBeNull().And.BeOnOrBefore(now);
        job.NextFireTimeUtc.Should().NotBeNull().And.BeAfter(now);
        job.NextFireTimeUtc!.Value.Should().Be(job.PreviousFireTimeUtc!.Value.AddSeconds(QuietInterval),
            "the job fired when the scheduler started and fires again one interval later");
        job.State.Should().BeOneOf("Normal", "Blocked", "Executing");
        jobs.Select(j => j.Key).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder(StringComparer.Ordinal);

        var english = Admin(factory);
        english.DefaultRequestHeaders.AcceptLanguage.Clear();
        english.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));
        var inEnglish = await (await english.GetAsync(Jobs)).ReadAsync<List<SchedulerTests.JobView>>();
        inEnglish.Single(j => j.Key == OutboxJob).Description.Should().Be("Dispatch integration events between modules (outbox)");

        var chinese = await (await Admin(factory).GetAsync(Jobs)).ReadAsync<List<SchedulerTests.JobView>>();
        chinese.Single(j => j.Key == OutboxJob).Description.Should().Be("投递模块间集成事件(发件箱)");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_outbox_job_delivers_a_new_tenants_event_without_any_manual_dispatch(DatabaseProvider provider)
    {
        await using var factory = Running(provider, intervalSeconds: 1);
        var district = await factory.TenantAsync(Demo.District);
        var admin = Admin(factory);
        var code = "s" + Guid.NewGuid().ToString("N")[..8];

        var created = await (await admin.PostJsonAsync("/api/identity/tenants",
            new { parentId = district.Id, code, name = "调度测试街道", kind = "Street" })).ReadAsync<TenantView>();

        // The Deputies module creates the default points policy when the outbox job delivers TenantCreated.
        var leader = factory.As("leader-" + code, code, "leader");
        var policies = await Eventually(
            async () => await (await leader.GetAsync("/api/deputies/points-policies")).ReadAsync<List<PolicyView>>(),
            p => p.Count > 0,
            TimeSpan.FromSeconds(20),
            "the outbox job should deliver TenantCreated to the Deputies module");
        policies.Should().ContainSingle().Which.TenantId.Should().Be(created.Id);

        // Runs every second: wait for a finished run to be the last one (the newest may be in progress).
        var job = await Eventually(
            async () => (await (await admin.GetAsync(Jobs)).ReadAsync<List<SchedulerTests.JobView>>()).Single(j => j.Key == OutboxJob),
            j => j.LastOutcome?.FinishedAtUtc is not null,
            TimeSpan.FromSeconds(10),
            "the job's last run should finish");
        job.LastOutcome!.Succeeded.Should().BeTrue(job.LastOutcome.Error);
        job.LastOutcome.Error.Should().BeNull();
        job.LastOutcome.StartedAtUtc.Should().BeAfter(DateTime.UtcNow.AddMinutes(-2)).And.BeOnOrBefore(job.LastOutcome.FinishedAtUtc!.Value);
        job.PreviousFireTimeUtc.Should().NotBeNull();
        job.IntervalSeconds.Should().Be(1);

        var runs = await (await admin.GetAsync($"{Jobs}/{OutboxJob}/runs")).ReadAsync<List<SchedulerTests.RunView>>();
        runs.Should().NotBeEmpty();
        runs.Should().BeInDescendingOrder(r => r.StartedAtUtc);
        runs.Where(r => r.FinishedAtUtc is not null).Should().OnlyContain(r => r.Succeeded && r.Error == null);
        runs.Select(r => r.FireInstanceId).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Run_now_is_accepted_and_a_new_run_is_recorded(DatabaseProvider provider)
    {
        await using var factory = Running(provider, QuietInterval);
        var admin = Admin(factory);
        var runsUrl = $"{Jobs}/{OutboxJob}/runs";
        // The trigger fires once when the scheduler starts; the next scheduled firing is an hour away.
        var initial = await Eventually(
            async () => await (await admin.GetAsync(runsUrl)).ReadAsync<List<SchedulerTests.RunView>>(),
            r => r.Count == 1 && r[0].FinishedAtUtc is not null,
            TimeSpan.FromSeconds(15),
            "the firing at start-up should be recorded");

        var accepted = await admin.PostAsync($"{Jobs}/{OutboxJob}/run", content: null);

        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        accepted.Headers.Location!.OriginalString.Should().Be($"{Jobs}/{OutboxJob}/runs");
        var runs = await Eventually(
            async () => await (await admin.GetAsync(runsUrl)).ReadAsync<List<SchedulerTests.RunView>>(),
            r => r.Count == 2 && r.All(x => x.FinishedAtUtc is not null),
            TimeSpan.FromSeconds(15),
            "the run asked for should be recorded");
        var run = runs[0];
        run.Id.Should().NotBe(initial[0].Id);
        run.FireInstanceId.Should().NotBe(initial[0].FireInstanceId);
        run.Succeeded.Should().BeTrue(run.Error);
        run.StartedAtUtc.Should().BeOnOrAfter(initial[0].StartedAtUtc);
        runs[1].Id.Should().Be(initial[0].Id);

        // Times are UTC on the wire, whatever the provider.
        var raw = await (await admin.GetAsync(runsUrl)).Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(raw);
        foreach (var element in document.RootElement.EnumerateArray())
        {
            element.GetProperty("startedAtUtc").GetString().Should().EndWith("Z");
            element.GetProperty("finishedAtUtc").GetString().Should().EndWith("Z");
        }
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Unknown_jobs_are_404_and_only_a_system_admin_may_see_or_run_jobs(DatabaseProvider provider)
    {
        await using var factory = Running(provider, QuietInterval);
        var admin = Admin(factory);

        var runs = await (await admin.GetAsync($"{Jobs}/no.such-job/runs")).ProblemAsync(404);
        runs.GetProperty("code").GetString().Should().Be("not_found", runs.GetRawText());
        var run = await (await admin.PostAsync($"{Jobs}/no.such-job/run", content: null)).ProblemAsync(404);
        run.GetProperty("code").GetString().Should().Be("not_found", run.GetRawText());

        var staff = factory.As("staff", Demo.District, "staff");
        await (await staff.GetAsync(Jobs)).ProblemAsync(403);
        await (await staff.GetAsync($"{Jobs}/{OutboxJob}/runs")).ProblemAsync(403);
        await (await staff.PostAsync($"{Jobs}/{OutboxJob}/run", content: null)).ProblemAsync(403);

        var anonymous = factory.CreateClient();
        await (await anonymous.GetAsync(Jobs)).ProblemAsync(401);
        await (await anonymous.GetAsync($"{Jobs}/{OutboxJob}/runs")).ProblemAsync(401);
        await (await anonymous.PostAsync($"{Jobs}/{OutboxJob}/run", content: null)).ProblemAsync(401);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task After_a_restart_on_the_same_database_the_job_is_stored_once_and_its_runs_are_kept(DatabaseProvider provider)
    {
        var database = PlatformFactory.NewDatabase(provider);
        try
        {
            List<RunView> before;
            await using (var first = Running(provider, QuietInterval, database))
            {
                var admin = Admin(first);
                await Eventually(
                    async () => await (await admin.GetAsync($"{Jobs}/{OutboxJob}/runs")).ReadAsync<List<SchedulerTests.RunView>>(),
                    r => r.Count == 1 && r[0].FinishedAtUtc is not null,
                    TimeSpan.FromSeconds(15),
                    "the firing at start-up should be recorded");
                (await admin.PostAsync($"{Jobs}/{OutboxJob}/run", content: null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
                before = await Eventually(
                    async () => await (await admin.GetAsync($"{Jobs}/{OutboxJob}/runs")).ReadAsync<List<SchedulerTests.RunView>>(),
                    r => r.Count == 2 && r.All(x => x.FinishedAtUtc is not null),
                    TimeSpan.FromSeconds(15),
                    "the run asked for should be recorded");
            }

            await using var second = Running(provider, QuietInterval, database);
            var client = Admin(second);

            var jobs = await (await client.GetAsync(Jobs)).ReadAsync<List<SchedulerTests.JobView>>();
            var job = jobs.Should().ContainSingle(j => j.Key == OutboxJob).Subject;
            job.NextFireTimeUtc.Should().NotBeNull();
            job.LastOutcome.Should().NotBeNull();
            var after = await (await client.GetAsync($"{Jobs}/{OutboxJob}/runs")).ReadAsync<List<SchedulerTests.RunView>>();
            after.Select(r => r.Id).Should().Contain(before.Select(r => r.Id));
            after.Where(r => before.Any(b => b.Id == r.Id)).Should().OnlyContain(r => r.Succeeded && r.FinishedAtUtc != null);

            // In Quartz's store itself: the declared job was replaced, not added a second time.
            var scheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var keys = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup());
            keys.Where(k => k.Name == OutboxJob).Should().ContainSingle();
            (await scheduler.GetTriggersOfJob(new JobKey(OutboxJob))).Should().ContainSingle();
        }
        finally
        {
            await PlatformFactory.DropDatabaseAsync(provider, database);
        }
    }

    // The API's DTOs as a client reads them.
    public sealed record JobView(
        string Key, string Description, string? Cron, int? IntervalSeconds, string TimeZone,
        DateTimeOffset? PreviousFireTimeUtc, DateTimeOffset? NextFireTimeUtc, OutcomeView? LastOutcome, string State);

    public sealed record OutcomeView(DateTime StartedAtUtc, DateTime? FinishedAtUtc, bool Succeeded, string? Error);

    public sealed record RunView(Guid Id, string FireInstanceId, DateTime StartedAtUtc, DateTime? FinishedAtUtc, bool Succeeded, string? Error);

    /// <summary>A host whose scheduler runs, the outbox job firing every <paramref name="intervalSeconds"/>.</summary>
    private static PlatformFactory Running(DatabaseProvider provider, int intervalSeconds, string? database = null)
    {
        var factory = new PlatformFactory(provider, database, settings: new Dictionary<string, string?>
        {
            ["Scheduler:Enabled"] = "true",
            ["Outbox:IntervalSeconds"] = intervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _ = factory.Server;
        return factory;
    }

    internal static HttpClient Admin(PlatformFactory factory) => factory.As("admin", Demo.District, "system-admin");

    /// <summary>Asks <paramref name="probe"/> until <paramref name="done"/> holds, for at most <paramref name="timeout"/>.</summary>
    internal static async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string because)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (clock.Elapsed > timeout)
            {
                throw new Xunit.Sdk.XunitException(
                    $"Within {timeout.TotalSeconds:0} s {because}; last seen: {JsonSerializer.Serialize(value, Http.Json)}");
            }
            await Task.Delay(200);
        }
    }
}

/// <summary>The jobs API on the shared hosts, whose scheduler is disabled (<c>Scheduler:Enabled=false</c>): it only reads.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SchedulerDisabledTests(Platforms platforms)
{
    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_job_list_is_read_only_and_run_now_is_refused(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = SchedulerTests.Admin(factory);

        var jobs = await (await admin.GetAsync(SchedulerTests.Jobs)).ReadAsync<List<SchedulerTests.JobView>>();
        var job = jobs.Should().ContainSingle(j => j.Key == SchedulerTests.OutboxJob).Subject;
        job.Description.Should().Be("投递模块间集成事件(发件箱)");
        job.TimeZone.Should().Be("Asia/Shanghai");
        job.IntervalSeconds.Should().Be(3600);
        job.LastOutcome.Should().BeNull("no scheduler ever ran a job on this node");
        var runs = await (await admin.GetAsync($"{SchedulerTests.Jobs}/{SchedulerTests.OutboxJob}/runs")).ReadAsync<List<SchedulerTests.RunView>>();
        runs.Should().BeEmpty();

        var refused = await (await admin.PostAsync($"{SchedulerTests.Jobs}/{SchedulerTests.OutboxJob}/run", content: null)).ProblemAsync(422);
        refused.GetProperty("code").GetString().Should().Be("scheduler.disabled");
        refused.GetProperty("detail").GetString().Should().Contain("Scheduler:Enabled=false");

        var english = SchedulerTests.Admin(factory);
        english.DefaultRequestHeaders.AcceptLanguage.Clear();
        english.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));
        var inEnglish = await (await english.PostAsync($"{SchedulerTests.Jobs}/{SchedulerTests.OutboxJob}/run", content: null)).ProblemAsync(422);
        inEnglish.GetProperty("detail").GetString().Should().StartWith("The scheduler is disabled on this node");

        // An unknown job is still a 404, not the 422 of the disabled scheduler.
        await (await admin.PostAsync($"{SchedulerTests.Jobs}/no.such-job/run", content: null)).ProblemAsync(404);

        var ready = await factory.CreateClient().GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
    }
}
