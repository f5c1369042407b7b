using System.Text.Json;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Deputies;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Features.Rota;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using static CongressPlatform.IntegrationTests.Stations.RotaSeeding;

namespace CongressPlatform.IntegrationTests.Stations;

[Collection(PlatformCollection.Name)]
public sealed class RotaTests(Platforms platforms)
{
    private const string Rotas = "/api/stations/rotas";

    private sealed record WeekView(Guid Id, DateOnly WeekStart, Guid DeputyId, string DeputyName, RotaWeekStatus Status, bool IsManual, bool Reminded);

    private sealed record RotaView(Guid StationId, string StationName, List<WeekView> Weeks, List<JsonElement> Swaps, List<JsonElement> Leaves);

    private sealed record GenerateView(int Created, int Kept, List<DateOnly> Unfilled, List<WeekView> Weeks);

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    private static HttpClient Staff(PlatformFactory factory, string tenant = Demo.Street) => factory.As("staff-rota", tenant, "staff");

    private static async Task<RotaView> RotaAsync(HttpClient client, Guid station, DateOnly from, DateOnly to) =>
        await (await client.GetAsync($"{Rotas}/{station}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).ReadAsync<RotaView>();

    /// <summary>A station of the demo street with <paramref name="names"/> as its deputies (each with an account).</summary>
    private static async Task<(Guid Station, string Name, List<(Guid Deputy, Guid User)> Deputies)> WorldAsync(PlatformFactory factory,
        params string[] names)
    {
        var name = $"测试社区联络站{Suffix()}";
        var station = await StationAsync(factory, Demo.Street, name);
        var deputies = new List<(Guid, Guid)>();
        foreach (var n in names)
        {
            var user = Guid.NewGuid();
            var deputy = await DeputySeeding.DeputyAsync(factory, Demo.Street, n, userId: user);
            await AssignAsync(factory, Demo.Street, station, deputy, n);
            deputies.Add((deputy, user));
        }
        return (station, name, deputies);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_rota_is_fair_skips_leave_keeps_published_and_hand_set_weeks_and_needs_deputies(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var (station, _, deputies) = await WorldAsync(factory, "轮值甲", "轮值乙", "轮值丙");
        var staff = Staff(factory);
        var first = ThisMonday.AddDays(21);
        var last = first.AddDays(7 * 6 - 1);

        // 轮值丙 asks for leave on the Sunday of the first week only: enough to skip that week.
        (await staff.PostJsonAsync("/api/stations/duty-leaves", new { deputyId = deputies[2].Deputy, from = first.AddDays(6), to = first.AddDays(6), reason = "外出学习" }))
            .IsSuccessStatusCode.Should().BeTrue();

        var generated = await (await staff.PostJsonAsync($"{Rotas}/{station}/generate", new { from = first, to = last, publish = false })).ReadAsync<GenerateView>();
        generated.Created.Should().Be(6);
        generated.Unfilled.Should().BeEmpty();
        generated.Weeks.Select(w => w.WeekStart).Should().Equal(Enumerable.Range(0, 6).Select(i => first.AddDays(7 * i)));
        generated.Weeks.Should().OnlyContain(w => w.Status == RotaWeekStatus.Draft);
        generated.Weeks[0].DeputyId.Should().NotBe(deputies[2].Deputy);
        generated.Weeks.GroupBy(w => w.DeputyId).Select(g => g.Count()).Should().AllBeEquivalentTo(2);

        (await (await staff.PostJsonAsync($"{Rotas}/{station}/publish", new { from = first, to = first.AddDays(7) })).ReadAsync<int>()).Should().Be(2);
        var byHand = await (await staff.PutJsonAsync($"{Rotas}/{station}/weeks/{first.AddDays(14):yyyy-MM-dd}", new { deputyId = deputies[0].Deputy }))
            .ReadAsync<WeekView>();
        byHand.IsManual.Should().BeTrue();

        var again = await (await staff.PostJsonAsync($"{Rotas}/{station}/generate", new { from = first, to = last, publish = false })).ReadAsync<GenerateView>();
        again.Kept.Should().Be(3);
        again.Created.Should().Be(3);
        again.Weeks.Take(2).Select(w => (w.Id, w.DeputyId)).Should().Equal(generated.Weeks.Take(2).Select(w => (w.Id, w.DeputyId)));
        again.Weeks[2].DeputyId.Should().Be(deputies[0].Deputy);

        var rota = await RotaAsync(staff, station, first, last);
        rota.Weeks.Should().HaveCount(6);
        rota.Leaves.Should().ContainSingle().Which.GetProperty("reason").GetString().Should().Be("外出学习");

        // A week that starts within three days is public at once (this week has already started).
        var now = await (await staff.PostJsonAsync($"{Rotas}/{station}/generate", new { from = ThisMonday, to = ThisMonday, publish = false }))
            .ReadAsync<GenerateView>();
        now.Weeks.Single().Status.Should().Be(RotaWeekStatus.Published);

        var empty = await StationAsync(factory, Demo.Street, $"无代表联络站{Suffix()}");
        var problem = await (await staff.PostJsonAsync($"{Rotas}/{empty}/generate", new { from = first, to = last, publish = false })).ProblemAsync(422);
        problem.GetProperty("code").GetString().Should().Be("stations.rota_no_deputies");
        problem.GetRawText().Should().Contain("没有进站代表");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_deputy_asks_to_swap_staff_approve_or_reject_and_a_stranger_cannot_ask(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var (station, name, deputies) = await WorldAsync(factory, "调班甲", "调班乙");
        var strangerUser = Guid.NewGuid();
        await DeputySeeding.DeputyAsync(factory, Demo.Street, "局外丙", userId: strangerUser);
        var staff = Staff(factory);
        var first = ThisMonday.AddDays(14);
        var weeks = (await (await staff.PostJsonAsync($"{Rotas}/{station}/generate", new { from = first, to = first.AddDays(13), publish = true }))
            .ReadAsync<GenerateView>()).Weeks;
        var (a, b) = (deputies.Single(d => d.Deputy == weeks[0].DeputyId), deputies.Single(d => d.Deputy == weeks[1].DeputyId));
        var deputyA = factory.As(a.User.ToString(), Demo.Street, "deputy");

        var mine = await (await deputyA.GetAsync("/api/stations/my-duties")).ReadAsync<JsonElement>();
        mine.GetProperty("linked").GetBoolean().Should().BeTrue();
        mine.GetProperty("weeks").EnumerateArray().Select(w => w.GetProperty("id").GetGuid()).Should().Contain(weeks[0].Id);
        mine.GetProperty("swapOptions").EnumerateArray().Select(w => w.GetProperty("id").GetGuid()).Should().Contain(weeks[1].Id);

        var stranger = factory.As(strangerUser.ToString(), Demo.Street, "deputy");
        (await (await stranger.PostJsonAsync("/api/stations/my-duties/swaps", new { myWeekId = weeks[0].Id, targetWeekId = weeks[1].Id, reason = "替他" }))
            .ProblemAsync(403)).GetProperty("code").GetString().Should().Be("stations.swap_not_yours");

        var swap = await (await deputyA.PostJsonAsync("/api/stations/my-duties/swaps", new { myWeekId = weeks[0].Id, targetWeekId = weeks[1].Id, reason = "出差" }))
            .ReadAsync<JsonElement>();
        swap.GetProperty("status").GetString().Should().Be("Pending");
        (await (await deputyA.PostJsonAsync("/api/stations/my-duties/swaps", new { myWeekId = weeks[0].Id, targetWeekId = weeks[1].Id, reason = "再申请" }))
            .ProblemAsync(409)).GetProperty("code").GetString().Should().Be("stations.swap_pending");
        (await deputyA.PostAsync($"/api/stations/rota-swaps/{swap.GetProperty("id").GetGuid()}/approve", null)).StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);

        var approved = await (await staff.PostAsync($"/api/stations/rota-swaps/{swap.GetProperty("id").GetGuid()}/approve", null)).ReadAsync<JsonElement>();
        approved.GetProperty("status").GetString().Should().Be("Approved");
        var rota = await RotaAsync(staff, station, first, first.AddDays(13));
        rota.Weeks.Select(w => w.DeputyId).Should().Equal(b.Deputy, a.Deputy);
        (await (await staff.PostAsync($"/api/stations/rota-swaps/{swap.GetProperty("id").GetGuid()}/approve", null)).ProblemAsync(409))
            .GetProperty("code").GetString().Should().Be("stations.swap_decided");
        foreach (var user in new[] { a.User, b.User })
        {
            var inbox = await (await factory.As(user.ToString(), Demo.Street, "deputy").GetAsync("/api/notifications/inbox-items?pageSize=50")).ReadAsync<JsonElement>();
            inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).Should().Contain($"调班已批准:{name}");
        }

        // 调班乙 now holds the first week and asks to swap back; staff reject and nothing moves.
        var deputyB = factory.As(b.User.ToString(), Demo.Street, "deputy");
        var back = await (await deputyB.PostJsonAsync("/api/stations/my-duties/swaps", new { myWeekId = weeks[0].Id, targetWeekId = weeks[1].Id, reason = (string?)null }))
            .ReadAsync<JsonElement>();
        var rejected = await (await staff.PostJsonAsync($"/api/stations/rota-swaps/{back.GetProperty("id").GetGuid()}/reject", new { note = "请按调整后的安排值班" }))
            .ReadAsync<JsonElement>();
        rejected.GetProperty("status").GetString().Should().Be("Rejected");
        (await RotaAsync(staff, station, first, first.AddDays(13))).Weeks.Select(w => w.DeputyId).Should().Equal(b.Deputy, a.Deputy);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_public_rota_shows_published_weeks_ahead_with_names_only(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var (station, name, _) = await WorldAsync(factory, "公示甲", "公示乙");
        var staff = Staff(factory);
        var weeks = (await (await staff.PostJsonAsync($"{Rotas}/{station}/generate", new { from = ThisMonday, to = ThisMonday.AddDays(7 * 5 - 1), publish = false }))
            .ReadAsync<GenerateView>()).Weeks;
        (await (await staff.PostJsonAsync($"{Rotas}/{station}/publish", new { from = ThisMonday.AddDays(14), to = ThisMonday.AddDays(14) })).ReadAsync<int>())
            .Should().BeLessThanOrEqualTo(1);
        var expected = weeks.Where(w => RotaWeek.MustBePublic(w.WeekStart, Today) || w.WeekStart == ThisMonday.AddDays(14)).Select(w => w.WeekStart).ToList();
        expected.Should().Contain([ThisMonday, ThisMonday.AddDays(14)]).And.NotContain(ThisMonday.AddDays(28));

        var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync($"/api/stations/public-stations/{station}/rota");
        var body = await response.Content.ReadAsStringAsync();
        var rota = JsonDocument.Parse(body).RootElement;
        response.IsSuccessStatusCode.Should().BeTrue(body);
        rota.GetProperty("stationName").GetString().Should().Be(name);
        rota.GetProperty("weeks").EnumerateArray().Select(w => w.GetProperty("weekStart").GetDateTime()).Select(DateOnly.FromDateTime)
            .Should().Equal(expected);
        rota.GetProperty("weeks").EnumerateArray().First().EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["weekStart", "weekEnd", "deputyName"]);
        body.Should().NotContain("139").And.NotContain("deputyId");

        (await (await anonymous.GetAsync($"/api/stations/public-stations/{Guid.NewGuid()}/rota")).ProblemAsync(404)).GetRawText().Should().Contain("未找到该联络站");
        var closed = await StationAsync(factory, Demo.Street, $"停用联络站{Suffix()}", active: false);
        await (await anonymous.GetAsync($"/api/stations/public-stations/{closed}/rota")).ProblemAsync(404);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_reminder_run_twice_reminds_each_deputy_on_duty_once(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var (station, name, deputies) = await WorldAsync(factory, "提醒甲");
        var staff = Staff(factory);
        var next = ThisMonday.AddDays(7);
        (await staff.PutJsonAsync($"{Rotas}/{station}/weeks/{next:yyyy-MM-dd}", new { deputyId = deputies[0].Deputy })).IsSuccessStatusCode.Should().BeTrue();

        var run = await (await staff.PostJsonAsync("/api/stations/rota-reminders/runs", new { weekStart = next })).ReadAsync<JsonElement>();
        run.GetProperty("reminded").GetInt32().Should().BeGreaterThanOrEqualTo(1);
        (await (await staff.PostJsonAsync("/api/stations/rota-reminders/runs", new { weekStart = next })).ReadAsync<JsonElement>())
            .GetProperty("reminded").GetInt32().Should().Be(0);
        // The scheduled job (next Monday, every tenant) adds nothing either.
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunRotaRemindersCommand());
        }

        var inbox = await (await factory.As(deputies[0].User.ToString(), Demo.Street, "deputy").GetAsync("/api/notifications/inbox-items?pageSize=50"))
            .ReadAsync<JsonElement>();
        inbox.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("title").GetString() == $"驻站值班提醒:{name}").Should().Be(1);
        var week = (await RotaAsync(staff, station, next, next)).Weeks.Single();
        week.Reminded.Should().BeTrue();
        week.Status.Should().Be(RotaWeekStatus.Published);
        await (await factory.As("deputy-x", Demo.Street, "deputy").PostJsonAsync("/api/stations/rota-reminders/runs", new { weekStart = next })).ProblemAsync(403);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_confirmed_week_becomes_one_station_duty_record_in_the_archive(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var (station, name, deputies) = await WorldAsync(factory, "履职甲");
        var staff = Staff(factory);
        var past = ThisMonday.AddDays(-14);
        var week = await (await staff.PutJsonAsync($"{Rotas}/{station}/weeks/{past:yyyy-MM-dd}", new { deputyId = deputies[0].Deputy })).ReadAsync<WeekView>();
        var future = await (await staff.PutJsonAsync($"{Rotas}/{station}/weeks/{ThisMonday.AddDays(7):yyyy-MM-dd}", new { deputyId = deputies[0].Deputy }))
            .ReadAsync<WeekView>();

        (await (await staff.PostJsonAsync($"/api/stations/rota-weeks/{future.Id}/confirm", new { outcome = "Served", note = (string?)null })).ProblemAsync(409))
            .GetProperty("code").GetString().Should().Be("stations.rota_week_not_over");
        var served = await (await staff.PostJsonAsync($"/api/stations/rota-weeks/{week.Id}/confirm", new { outcome = "Served", note = "接待群众6人次" })).ReadAsync<WeekView>();
        served.Status.Should().Be(RotaWeekStatus.Served);
        (await (await staff.PostJsonAsync($"/api/stations/rota-weeks/{week.Id}/confirm", new { outcome = "Served", note = "再次确认" })).ProblemAsync(409))
            .GetProperty("code").GetString().Should().Be("stations.rota_week_closed");
        await factory.DispatchOutboxAsync();
        await factory.DispatchOutboxAsync();

        var records = await (await staff.GetAsync($"/api/deputies/deputies/{deputies[0].Deputy}/duty-records?pageSize=50")).ReadAsync<JsonElement>();
        var mine = records.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("sourceModule").GetString() == "stations").ToList();
        mine.Should().ContainSingle();
        mine[0].GetProperty("kind").GetString().Should().Be("StationDutyServed");
        mine[0].GetProperty("title").GetString().Should().StartWith(name);
        DateOnly.Parse(mine[0].GetProperty("occurredOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Should().Be(past);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Every_rota_endpoint_keeps_to_its_permission_its_keeper_and_its_street(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var keeper = Guid.NewGuid();
        var station = await StationAsync(factory, Demo.Street, $"权限联络站{Suffix()}", keeper);
        var deputy = await DeputySeeding.DeputyAsync(factory, Demo.Street, "权限甲", userId: Guid.NewGuid());
        await AssignAsync(factory, Demo.Street, station, deputy, "权限甲");
        var first = ThisMonday.AddDays(35);
        var generate = new { from = first, to = first.AddDays(6), publish = false };

        var sibling = factory.As("staff-rota-s", Demo.Sibling, "staff");
        await (await sibling.GetAsync($"{Rotas}/{station}")).ProblemAsync(404);
        await (await sibling.PostJsonAsync($"{Rotas}/{station}/generate", generate)).ProblemAsync(404);
        await (await sibling.PutJsonAsync($"{Rotas}/{station}/weeks/{first:yyyy-MM-dd}", new { deputyId = deputy })).ProblemAsync(404);

        var officer = factory.As("officer-rota", Demo.Street, "unit-officer");
        var deputyClient = factory.As("deputy-rota", Demo.Street, "deputy");
        foreach (var client in new[] { officer, deputyClient })
        {
            await (await client.GetAsync($"{Rotas}/{station}")).ProblemAsync(403);
            await (await client.PostJsonAsync($"{Rotas}/{station}/generate", generate)).ProblemAsync(403);
            await (await client.PostJsonAsync($"{Rotas}/{station}/publish", new { from = first, to = first })).ProblemAsync(403);
            await (await client.PutJsonAsync($"{Rotas}/{station}/weeks/{first:yyyy-MM-dd}", new { deputyId = deputy })).ProblemAsync(403);
            await (await client.PostJsonAsync($"/api/stations/rota-weeks/{Guid.NewGuid()}/confirm", new { outcome = "Served" })).ProblemAsync(403);
            await (await client.PostJsonAsync("/api/stations/duty-leaves", new { deputyId = deputy, from = first, to = first, reason = "病假" })).ProblemAsync(403);
            await (await client.PostAsync($"/api/stations/rota-swaps/{Guid.NewGuid()}/approve", null)).ProblemAsync(403);
            await (await client.PostJsonAsync($"/api/stations/rota-swaps/{Guid.NewGuid()}/reject", new { note = "否" })).ProblemAsync(403);
            await (await client.PostJsonAsync("/api/stations/rota-reminders/runs", new { weekStart = first })).ProblemAsync(403);
        }
        var staff = Staff(factory);
        await (await staff.GetAsync("/api/stations/my-duties")).ProblemAsync(403);
        await (await staff.PostJsonAsync("/api/stations/my-duties/swaps", new { myWeekId = Guid.NewGuid(), targetWeekId = Guid.NewGuid() })).ProblemAsync(403);
        await (await staff.PostJsonAsync("/api/stations/my-duties/leaves", new { from = first, to = first, reason = "病假" })).ProblemAsync(403);
        await (await factory.CreateClient().GetAsync($"{Rotas}/{station}")).ProblemAsync(401);

        // A keeper manages the stations they keep, and no other.
        (await factory.As(keeper.ToString(), Demo.Street, "station-keeper").PostJsonAsync($"{Rotas}/{station}/generate", generate)).IsSuccessStatusCode.Should().BeTrue();
        (await (await factory.As(Guid.NewGuid().ToString(), Demo.Street, "station-keeper").PostJsonAsync($"{Rotas}/{station}/generate", generate)).ProblemAsync(403))
            .GetProperty("code").GetString().Should().Be("stations.not_keeper");
        // The district supervises the street's rota.
        (await factory.As("staff-rota-d", Demo.District, "staff", "supervisor").GetAsync($"{Rotas}/{station}")).IsSuccessStatusCode.Should().BeTrue();
        // A deputy without a deputy file here sees an empty page, not an error.
        (await (await deputyClient.GetAsync("/api/stations/my-duties")).ReadAsync<JsonElement>()).GetProperty("linked").GetBoolean().Should().BeFalse();
    }
}
