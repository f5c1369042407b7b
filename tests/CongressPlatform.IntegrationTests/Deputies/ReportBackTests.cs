using System.Net;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;

namespace CongressPlatform.IntegrationTests.Deputies;

[Collection(PlatformCollection.Name)]
public sealed class ReportBackTests(Platforms platforms)
{
    private const string Api = "/api/deputies/report-backs";
    private const string Public = "/api/deputies/public-ballots";

    private static HttpClient Staff(PlatformFactory f, string tenant = Demo.Street) => f.As($"staff-rb-{tenant}", tenant, "staff");

    private static async Task<JsonElement> PlanAsync(HttpClient staff, Guid deputyId, int minBallots = 10, int year = 2026) =>
        await (await staff.PostJsonAsync(Api, new
        {
            deputyId, year, plannedOn = $"{year}-12-20", place = "东柳社区联络站", form = "Oral", expectedRepresentatives = 30,
            minBallots, satisfiedThreshold = 80, basicThreshold = 60,
        })).ReadAsync<JsonElement>();

    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    private static Guid Version(JsonElement e) => e.GetProperty("version").GetGuid();

    private static async Task<JsonElement> OpenBallotAsync(HttpClient staff, JsonElement rb, bool requiresCode = false,
        DateTime? opens = null, DateTime? closes = null) =>
        await (await staff.PostJsonAsync($"{Api}/{Id(rb)}/ballot", new
        {
            opensAtUtc = opens ?? DateTime.UtcNow.AddMinutes(-1), closesAtUtc = closes ?? DateTime.UtcNow.AddHours(2),
            requiresVoterCode = requiresCode, version = Version(rb),
        })).ReadAsync<JsonElement>();

    private static string Token(JsonElement rb) => rb.GetProperty("ballot").GetProperty("token").GetString()!;

    private static Task<HttpResponseMessage> VoteAsync(HttpClient voter, string token, string choice, string? code = null) =>
        voter.PostJsonAsync($"{Public}/{token}/votes", new { choice, voterCode = code });

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_draft_counts_the_years_archive_under_the_five_headings_and_is_fixed_when_finalised(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = Staff(factory);
        var deputy = await DeputySeeding.DeputyAsync(factory, Demo.Street, "述职甲");
        await DeputySeeding.RecordAsync(factory, Demo.Street, deputy, DutyKind.SuggestionRaised, new(2026, 3, 5), "提出加装电梯的建议");
        await DeputySeeding.RecordAsync(factory, Demo.Street, deputy, DutyKind.StationDutyServed, new(2026, 4, 8), "东柳社区联络站进站接待");
        await DeputySeeding.RecordAsync(factory, Demo.Street, deputy, DutyKind.VotersReceived, new(2026, 5, 9), "集中接待选民");
        await DeputySeeding.RecordAsync(factory, Demo.Street, deputy, DutyKind.StudyAttended, new(2026, 6, 1), "6月集中学习");
        await DeputySeeding.RecordAsync(factory, Demo.Street, deputy, DutyKind.DeedForPeople, new(2026, 7, 1), "为困难家庭募集助学金", amount: 5000m, beneficiaries: 3);
        await DeputySeeding.RecordAsync(factory, Demo.Street, deputy, DutyKind.GroupActivity, new(2026, 8, 1), "代表小组活动", DutyAttendance.Leave, "外地出差");
        await DeputySeeding.RecordAsync(factory, Demo.Street, deputy, DutyKind.StudyAttended, new(2025, 6, 1), "去年的学习");

        var rb = await PlanAsync(staff, deputy);
        rb.GetProperty("reportsToCommittee").GetBoolean().Should().BeFalse();
        rb = await (await staff.PostJsonAsync($"{Api}/{Id(rb)}/draft", new { version = Version(rb) })).ReadAsync<JsonElement>();
        var text = rb.GetProperty("text").GetString()!;
        text.Should().Contain("一、履行代表职责").And.Contain("二、参加人代会和代表小组活动情况").And.Contain("三、联系选民情况")
            .And.Contain("四、学习调研情况").And.Contain("五、为民办实事情况");
        text.Should().Contain("进站履职 1 次,接待选民 1 次").And.Contain("提出加装电梯的建议").And.Contain("涉及资金 5000 元")
            .And.Contain("受益群众 3 人").And.Contain("请假 1 次").And.Contain("共参加各类履职活动 5 次").And.NotContain("去年的学习");

        rb = await (await staff.PutJsonAsync($"{Api}/{Id(rb)}/text", new { text = text + "\n补充:代表本人修改。", version = Version(rb) })).ReadAsync<JsonElement>();
        rb.GetProperty("text").GetString().Should().EndWith("代表本人修改。");
        rb = await (await staff.PostJsonAsync($"{Api}/{Id(rb)}/finalise", new { version = Version(rb) })).ReadAsync<JsonElement>();
        rb.GetProperty("status").GetString().Should().Be("Finalised");
        (await (await staff.PutJsonAsync($"{Api}/{Id(rb)}/text", new { text = "改", version = Version(rb) })).ProblemAsync(422))
            .GetProperty("detail").GetString().Should().Contain("已定稿");
        (await (await staff.PostJsonAsync(Api, new
        {
            deputyId = deputy, year = 2026, plannedOn = "2026-12-21", place = "再来一次", form = "Written", expectedRepresentatives = 1,
            minBallots = 1, satisfiedThreshold = 80, basicThreshold = 60,
        })).ProblemAsync(409)).GetProperty("code").GetString().Should().Be("report_back.exists");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_deputy_edits_the_text_of_their_own_report_back_until_it_is_final(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = Staff(factory);
        var userId = Guid.NewGuid();
        var own = await PlanAsync(staff, await DeputySeeding.DeputyAsync(factory, Demo.Street, "自改癸", userId: userId));
        var other = await PlanAsync(staff, await DeputySeeding.DeputyAsync(factory, Demo.Street, "别人子", userId: Guid.NewGuid()));
        var deputy = factory.As(userId.ToString(), Demo.Street, "deputy");

        var mine = await (await deputy.GetAsync("/api/deputies/my-report-backs")).ReadAsync<List<JsonElement>>();
        mine.Should().ContainSingle().Which.GetProperty("id").GetGuid().Should().Be(Id(own));
        var edited = await (await deputy.PutJsonAsync($"/api/deputies/my-report-backs/{Id(own)}/text", new { text = "本人撰写的述职报告。", version = Version(own) }))
            .ReadAsync<JsonElement>();
        edited.GetProperty("text").GetString().Should().Be("本人撰写的述职报告。");
        (await (await staff.GetAsync($"{Api}/{Id(own)}")).ReadAsync<JsonElement>()).GetProperty("text").GetString().Should().Be("本人撰写的述职报告。");

        await (await deputy.PutJsonAsync($"/api/deputies/my-report-backs/{Id(other)}/text", new { text = "改别人的", version = Version(other) })).ProblemAsync(404);
        await (await staff.PostJsonAsync($"{Api}/{Id(own)}/finalise", new { version = edited.GetProperty("version").GetGuid() })).ReadAsync<JsonElement>();
        (await (await deputy.PutJsonAsync($"/api/deputies/my-report-backs/{Id(own)}/text", new { text = "定稿后再改", version = edited.GetProperty("version").GetGuid() }))
            .ProblemAsync(422)).GetProperty("code").GetString().Should().Be("report_back.finalised");
        await (await staff.GetAsync("/api/deputies/my-report-backs")).ProblemAsync(403);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_city_deputy_reports_to_the_district_committee(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var deputy = await DeputySeeding.DeputyAsync(factory, Demo.Street, "市代表乙", SeatLevel.City);
        var rb = await PlanAsync(Staff(factory), deputy);
        rb.GetProperty("reportsToCommittee").GetBoolean().Should().BeTrue();
        rb.GetProperty("organiser").GetString().Should().Contain("区人大常委会");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_paper_tally_with_quorum_is_written_into_the_archive_once(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = Staff(factory);
        var deputy = await DeputySeeding.DeputyAsync(factory, Demo.Street, "纸票丙");
        var rb = await PlanAsync(staff, deputy, minBallots: 10);

        await (await staff.PostJsonAsync($"{Api}/{Id(rb)}/result", new { })).ProblemAsync(422);
        rb = await (await staff.PutJsonAsync($"{Api}/{Id(rb)}/tally", new { satisfied = 8, basicallySatisfied = 1, dissatisfied = 1, version = Version(rb) }))
            .ReadAsync<JsonElement>();
        var result = rb.GetProperty("result");
        result.GetProperty("total").GetInt32().Should().Be(10);
        result.GetProperty("rate").GetDecimal().Should().Be(90m);
        result.GetProperty("quorumMet").GetBoolean().Should().BeTrue();
        result.GetProperty("verdictText").GetString().Should().Be("满意");

        var rated = await (await staff.PostJsonAsync($"{Api}/{Id(rb)}/result", new { })).ReadAsync<JsonElement>();
        rated.GetProperty("status").GetString().Should().Be("Rated");
        rated.GetProperty("result").GetProperty("passed").GetBoolean().Should().BeTrue();
        var again = await (await staff.PostJsonAsync($"{Api}/{Id(rb)}/result", new { })).ReadAsync<JsonElement>();
        again.GetProperty("dutyRecordId").GetGuid().Should().Be(rated.GetProperty("dutyRecordId").GetGuid());

        var archive = await DeputySeeding.ArchiveAsync(factory, deputy);
        var record = archive.Should().ContainSingle().Subject;
        record.Kind.Should().Be(DutyKind.ReportBackGiven);
        record.SourceModule.Should().Be("deputies");
        record.SourceId.Should().Be($"report-back:{Id(rb):N}");
        record.Title.Should().Contain("满意率 90%");
        record.Evidence.Should().Contain("满意 8 票");

        (await (await staff.PutJsonAsync($"{Api}/{Id(rb)}/tally", new { satisfied = 1, basicallySatisfied = 0, dissatisfied = 0, version = Version(again) }))
            .ProblemAsync(422)).GetProperty("code").GetString().Should().Be("report_back.rated");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Below_the_quorum_there_is_no_verdict_and_it_does_not_pass(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = Staff(factory);
        var deputy = await DeputySeeding.DeputyAsync(factory, Demo.Street, "人少丁");
        var rb = await PlanAsync(staff, deputy, minBallots: 10);
        rb = await (await staff.PutJsonAsync($"{Api}/{Id(rb)}/tally", new { satisfied = 3, basicallySatisfied = 0, dissatisfied = 0, version = Version(rb) }))
            .ReadAsync<JsonElement>();
        var rated = await (await staff.PostJsonAsync($"{Api}/{Id(rb)}/result", new { })).ReadAsync<JsonElement>();
        rated.GetProperty("result").GetProperty("quorumMet").GetBoolean().Should().BeFalse();
        rated.GetProperty("result").GetProperty("passed").GetBoolean().Should().BeFalse();
        (await DeputySeeding.ArchiveAsync(factory, deputy)).Should().ContainSingle().Which.Title.Should().Contain("未达到法定测评人数");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_public_ballot_takes_one_vote_per_device_and_shows_no_personal_data(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = Staff(factory);
        var deputy = await DeputySeeding.DeputyAsync(factory, Demo.Street, "投票戊");
        var rb = await OpenBallotAsync(staff, await PlanAsync(staff, deputy, minBallots: 2));
        var token = Token(rb);
        rb.GetProperty("ballot").GetProperty("publicPath").GetString().Should().Be($"/p/ballots/{token}");

        var phone = factory.CreateClient();
        var page = await (await phone.GetAsync($"{Public}/{token}")).ReadAsync<JsonElement>();
        page.GetProperty("state").GetString().Should().Be("Open");
        page.GetProperty("deputyName").GetString().Should().Be("投票戊");
        page.GetProperty("alreadyVoted").GetBoolean().Should().BeFalse();
        var raw = page.GetRawText();
        System.Text.RegularExpressions.Regex.IsMatch(raw, @"(?<!\d)1[3-9]\d{9}(?!\d)").Should().BeFalse("no mobile number is shown: {0}", raw);
        raw.Should().NotContain("mobile").And.NotContain("tenantId").And.NotContain("satisfied\"").And.NotContain(deputy.ToString());

        var first = await VoteAsync(phone, token, "Satisfied");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.GetValues("Set-Cookie").Single().Should().Contain("cp_ballot_device").And.Contain("httponly");
        (await first.ReadAsync<JsonElement>()).GetProperty("message").GetString().Should().Contain("投票成功");
        var twice = await (await VoteAsync(phone, token, "Dissatisfied")).ProblemAsync(409);
        twice.GetProperty("code").GetString().Should().Be("ballot.already_voted");
        twice.GetProperty("detail").GetString().Should().Contain("已经投过票");
        (await (await phone.GetAsync($"{Public}/{token}")).ReadAsync<JsonElement>()).GetProperty("alreadyVoted").GetBoolean().Should().BeTrue();

        // A forged cookie is no device: the vote gets a fresh one (and counts once).
        var forged = factory.CreateClient();
        forged.DefaultRequestHeaders.Add("Cookie", "cp_ballot_device=forged-value");
        (await VoteAsync(forged, token, "BasicallySatisfied")).StatusCode.Should().Be(HttpStatusCode.OK);

        var live = await (await staff.GetAsync($"{Api}/{Id(rb)}")).ReadAsync<JsonElement>();
        live.GetProperty("ballot").GetProperty("votes").GetInt32().Should().Be(2);
        await (await staff.PostJsonAsync($"{Api}/{Id(rb)}/result", new { })).ProblemAsync(422);

        var closed = await (await staff.PostJsonAsync($"{Api}/{Id(rb)}/ballot/close", new { version = live.GetProperty("version").GetGuid() })).ReadAsync<JsonElement>();
        closed.GetProperty("ballot").GetProperty("state").GetString().Should().Be("Closed");
        var late = await (await VoteAsync(factory.CreateClient(), token, "Satisfied")).ProblemAsync(422);
        late.GetProperty("code").GetString().Should().Be("ballot.closed");
        late.GetProperty("detail").GetString().Should().Contain("测评已结束");

        var rated = await (await staff.PostJsonAsync($"{Api}/{Id(rb)}/result", new { })).ReadAsync<JsonElement>();
        var result = rated.GetProperty("result");
        (result.GetProperty("satisfied").GetInt32(), result.GetProperty("basicallySatisfied").GetInt32(), result.GetProperty("total").GetInt32())
            .Should().Be((1, 1, 2));
        rated.GetProperty("ratingSource").GetString().Should().Be("QrBallot");
        (await DeputySeeding.ArchiveAsync(factory, deputy)).Should().ContainSingle(r => r.Kind == DutyKind.ReportBackGiven);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_ballot_with_voter_codes_takes_each_code_once(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = Staff(factory);
        var deputy = await DeputySeeding.DeputyAsync(factory, Demo.Street, "测评码己");
        var rb = await OpenBallotAsync(staff, await PlanAsync(staff, deputy), requiresCode: true);
        var token = Token(rb);
        var codes = await (await staff.PostJsonAsync($"{Api}/{Id(rb)}/ballot/voter-codes", new { count = 2 })).ReadAsync<List<JsonElement>>();
        codes.Should().HaveCount(2);
        var code = codes[0].GetProperty("code").GetString()!;
        code.Should().MatchRegex("^[2-9A-HJ-NP-Z]{8}$");

        (await (await factory.CreateClient().GetAsync($"{Public}/{token}")).ReadAsync<JsonElement>()).GetProperty("requiresVoterCode").GetBoolean().Should().BeTrue();
        (await (await VoteAsync(factory.CreateClient(), token, "Satisfied")).ProblemAsync(422)).GetProperty("code").GetString().Should().Be("ballot.code_required");
        (await (await VoteAsync(factory.CreateClient(), token, "Satisfied", "AAAAAAAA")).ProblemAsync(422)).GetProperty("code").GetString().Should().Be("ballot.code_invalid");
        (await VoteAsync(factory.CreateClient(), token, "Satisfied", code.ToLowerInvariant())).StatusCode.Should().Be(HttpStatusCode.OK);
        var reused = await (await VoteAsync(factory.CreateClient(), token, "Dissatisfied", code)).ProblemAsync(409);
        reused.GetProperty("code").GetString().Should().Be("ballot.code_used");

        var listed = await (await staff.GetAsync($"{Api}/{Id(rb)}/ballot/voter-codes")).ReadAsync<List<JsonElement>>();
        listed.Should().HaveCount(2);
        listed.Count(c => c.GetProperty("used").GetBoolean()).Should().Be(1);
        (await (await staff.GetAsync($"{Api}/{Id(rb)}")).ReadAsync<JsonElement>()).GetProperty("ballot").GetProperty("votes").GetInt32().Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Votes_outside_the_window_are_refused_in_Chinese(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = Staff(factory);
        var deputy = await DeputySeeding.DeputyAsync(factory, Demo.Street, "窗口庚");
        var rb = await OpenBallotAsync(staff, await PlanAsync(staff, deputy), opens: DateTime.UtcNow.AddHours(1), closes: DateTime.UtcNow.AddHours(3));
        var token = Token(rb);
        (await (await factory.CreateClient().GetAsync($"{Public}/{token}")).ReadAsync<JsonElement>()).GetProperty("state").GetString().Should().Be("NotOpen");
        var early = await (await VoteAsync(factory.CreateClient(), token, "Satisfied")).ProblemAsync(422);
        early.GetProperty("code").GetString().Should().Be("ballot.not_open");
        early.GetProperty("detail").GetString().Should().Contain("测评尚未开始");

        await DeputySeeding.SetBallotWindowAsync(factory, Id(rb), DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-1));
        (await (await factory.CreateClient().GetAsync($"{Public}/{token}")).ReadAsync<JsonElement>()).GetProperty("state").GetString().Should().Be("Closed");
        (await (await VoteAsync(factory.CreateClient(), token, "Satisfied")).ProblemAsync(422)).GetProperty("code").GetString().Should().Be("ballot.closed");
        (await (await factory.CreateClient().GetAsync($"{Public}/{new string('0', 32)}")).ProblemAsync(404)).GetProperty("code").GetString().Should().Be("ballot.not_found");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_QR_code_prints_as_PNG_or_SVG(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = Staff(factory);
        var rb = await PlanAsync(staff, await DeputySeeding.DeputyAsync(factory, Demo.Street, "二维码辛"));
        await (await staff.GetAsync($"{Api}/{Id(rb)}/ballot/qr-code")).ProblemAsync(422);
        rb = await OpenBallotAsync(staff, rb);
        var png = await staff.GetAsync($"{Api}/{Id(rb)}/ballot/qr-code");
        png.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await png.Content.ReadAsByteArrayAsync()).Take(8).Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        var svg = await staff.GetAsync($"{Api}/{Id(rb)}/ballot/qr-code?format=Svg");
        svg.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        (await svg.Content.ReadAsStringAsync()).Should().Contain("<svg");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Other_tenants_and_roles_without_the_permission_are_refused(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = Staff(factory);
        var rb = await OpenBallotAsync(staff, await PlanAsync(staff, await DeputySeeding.DeputyAsync(factory, Demo.Street, "隔离壬")));
        var url = $"{Api}/{Id(rb)}";

        var sibling = Staff(factory, Demo.Sibling);
        await (await sibling.GetAsync(url)).ProblemAsync(404);
        (await (await sibling.GetAsync(Api)).ReadAsync<List<JsonElement>>()).Should().NotContain(r => r.GetProperty("id").GetGuid() == Id(rb));
        await (await sibling.PutJsonAsync($"{url}/tally", new { satisfied = 1, basicallySatisfied = 0, dissatisfied = 0, version = Version(rb) })).ProblemAsync(404);
        await (await sibling.PostJsonAsync($"{url}/ballot/voter-codes", new { count = 1 })).ProblemAsync(404);
        await (await sibling.GetAsync($"{url}/ballot/qr-code")).ProblemAsync(404);

        var deputyUser = factory.As("deputy-rb", Demo.Street, "deputy");
        await (await deputyUser.GetAsync(Api)).ProblemAsync(403);
        await (await deputyUser.PostJsonAsync($"{url}/result", new { })).ProblemAsync(403);
        var admin = factory.As("admin-rb", Demo.Street, "tenant-admin");
        (await admin.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await admin.PostJsonAsync($"{url}/ballot/close", new { version = Version(rb) })).ProblemAsync(403);
        (await factory.CreateClient().GetAsync(Api)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var supervisor = factory.As("supervisor-rb", Demo.District, "supervisor", "staff");
        (await (await supervisor.GetAsync(url)).ReadAsync<JsonElement>()).GetProperty("deputyName").GetString().Should().Be("隔离壬");
    }
}

/// <summary>The public ballot's own rate limit, per address and ballot, on a host of its own with a small limit.</summary>
public sealed class BallotRateLimitTests
{
    [Fact]
    public async Task Too_many_requests_to_one_ballot_get_429_in_Chinese()
    {
        await using var factory = new PlatformFactory(DatabaseProvider.Sqlite,
            settings: new Dictionary<string, string?> { ["Deputies:Ballots:RequestsPerMinute"] = "3" });
        var token = new string('a', 32);
        for (var i = 0; i < 3; i++)
        {
            await (await factory.CreateClient().GetAsync($"/api/deputies/public-ballots/{token}")).ProblemAsync(404);
        }
        var limited = await (await factory.CreateClient().GetAsync($"/api/deputies/public-ballots/{token}")).ProblemAsync(429);
        limited.GetProperty("detail").GetString().Should().Contain("过于频繁");
        // Another ballot has its own allowance.
        await (await factory.CreateClient().GetAsync($"/api/deputies/public-ballots/{new string('b', 32)}")).ProblemAsync(404);
    }
}
