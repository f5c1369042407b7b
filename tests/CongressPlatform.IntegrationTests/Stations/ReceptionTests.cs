using System.Text.Json;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Deputies;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static CongressPlatform.IntegrationTests.Stations.RotaSeeding;

namespace CongressPlatform.IntegrationTests.Stations;

[Collection(PlatformCollection.Name)]
public sealed class ReceptionTests(Platforms platforms)
{
    private const string Events = "/api/stations/reception-events";

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    private static HttpClient Staff(PlatformFactory factory, string tenant = Demo.Street) => factory.As("staff-reception", tenant, "staff");

    /// <summary>Two stations of the demo street, a deputy at each and one who receives online (each with an account).</summary>
    private static async Task<(Guid A, Guid B, List<(Guid Deputy, Guid User, string Name)> Deputies)> WorldAsync(PlatformFactory factory)
    {
        var a = await StationAsync(factory, Demo.Street, $"接待甲站{Suffix()}");
        var b = await StationAsync(factory, Demo.Street, $"接待乙站{Suffix()}");
        var deputies = new List<(Guid, Guid, string)>();
        foreach (var (name, station) in new[] { ($"接待代表甲{Suffix()}", (Guid?)a), ($"接待代表乙{Suffix()}", b), ($"接待代表丙{Suffix()}", null) })
        {
            var user = Guid.NewGuid();
            var deputy = await DeputySeeding.DeputyAsync(factory, Demo.Street, name, userId: user);
            if (station is { } s)
            {
                await AssignAsync(factory, Demo.Street, s, deputy, name);
            }
            deputies.Add((deputy, user, name));
        }
        return (a, b, deputies);
    }

    private static object Plan(string title, DateOnly date, Guid a, Guid b, List<(Guid Deputy, Guid User, string Name)> deputies, string? online = "代表微信群") => new
    {
        title,
        theme = "老旧小区加装电梯",
        date,
        startTime = "09:00:00",
        endTime = "11:30:00",
        stationIds = new[] { a, b },
        onlineChannel = online,
        participants = new object[]
        {
            new { deputyId = deputies[0].Deputy, venueKind = "Station", stationId = (Guid?)a },
            new { deputyId = deputies[1].Deputy, venueKind = "Station", stationId = (Guid?)b },
            new { deputyId = deputies[2].Deputy, venueKind = "Online", stationId = (Guid?)null },
        },
    };

    private static Guid Participant(JsonElement e, Guid deputy) =>
        e.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("deputyId").GetGuid() == deputy).GetProperty("id").GetGuid();

    private static async Task<List<string?>> TitlesAsync(HttpClient client) =>
        (await (await client.GetAsync(Events)).ReadAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("title").GetString()).ToList();

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Venues_are_the_streets_own_stations_and_participants_its_serving_deputies(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var (a, b, deputies) = await WorldAsync(factory);
        var staff = Staff(factory);
        var foreignStation = await StationAsync(factory, Demo.Sibling, $"西柳接待站{Suffix()}");
        var foreignDeputy = await DeputySeeding.DeputyAsync(factory, Demo.Sibling, $"西柳代表{Suffix()}");
        var title = $"集中接待{Suffix()}";

        var problem = await (await staff.PostJsonAsync(Events, Plan(title, Today.AddDays(7), a, foreignStation, deputies))).ProblemAsync(422);
        problem.GetProperty("code").GetString().Should().Be("stations.reception_station_unknown");
        problem.GetRawText().Should().Contain("只能选择本街道");

        var withStranger = await (await staff.PostJsonAsync(Events, Plan(title, Today.AddDays(7), a, b,
            [deputies[0], deputies[1], (foreignDeputy, Guid.Empty, "西柳代表")]))).ProblemAsync(422);
        withStranger.GetProperty("code").GetString().Should().Be("stations.deputy_not_serving");

        // Field rules: a participant at a station that is not a venue, online without a channel, end before start.
        var wrongVenue = new
        {
            title, date = Today.AddDays(7), startTime = "09:00:00", endTime = "11:00:00", stationIds = new[] { a }, onlineChannel = (string?)null,
            participants = new object[] { new { deputyId = deputies[1].Deputy, venueKind = "Station", stationId = (Guid?)b }, new { deputyId = deputies[2].Deputy, venueKind = "Online", stationId = (Guid?)null } },
        };
        var invalid = await (await staff.PostJsonAsync(Events, wrongVenue)).ProblemAsync(400);
        invalid.GetRawText().Should().Contain("本次活动的接待联络站").And.Contain("线上渠道");
        await (await staff.PostJsonAsync(Events, new { title, date = Today, startTime = "11:00:00", endTime = "09:00:00", stationIds = new[] { a },
            participants = new object[] { new { deputyId = deputies[0].Deputy, venueKind = "Station", stationId = (Guid?)a } } })).ProblemAsync(400);

        (await TitlesAsync(staff)).Should().NotContain(title);
        var created = await (await staff.PostJsonAsync(Events, Plan(title, Today.AddDays(7), a, b, deputies))).ReadAsync<JsonElement>();
        created.GetProperty("status").GetString().Should().Be("Planned");
        created.GetProperty("venues").GetArrayLength().Should().Be(2);
        created.GetProperty("participants").EnumerateArray().Select(x => x.GetProperty("deputyName").GetString()).Should()
            .BeEquivalentTo(deputies.Select(d => d.Name));
        (await TitlesAsync(staff)).Should().Contain(title);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Closing_needs_complete_attendance_and_archives_each_deputy_exactly_once(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var (a, b, deputies) = await WorldAsync(factory);
        var staff = Staff(factory);
        var title = $"集中接待{Suffix()}";
        var e = await (await staff.PostJsonAsync(Events, Plan(title, Today, a, b, deputies))).ReadAsync<JsonElement>();
        var id = e.GetProperty("id").GetGuid();

        await (await staff.PutJsonAsync($"{Events}/{id}/attendance", new
        {
            entries = new object[]
            {
                new { participantId = Participant(e, deputies[0].Deputy), attendance = "Attended", votersReceived = 8, opinionsGathered = 3 },
                new { participantId = Participant(e, deputies[2].Deputy), attendance = "Attended", votersReceived = 5, opinionsGathered = 2 },
            },
        })).ReadAsync<JsonElement>();
        var incomplete = await (await staff.PostAsync($"{Events}/{id}/close", null)).ProblemAsync(422);
        incomplete.GetProperty("code").GetString().Should().Be("stations.reception_attendance_incomplete");
        incomplete.GetRawText().Should().Contain(deputies[1].Name).And.Contain("未登记出勤");

        var leave = new { participantId = Participant(e, deputies[1].Deputy), attendance = "Leave", leaveReason = (string?)null };
        await (await staff.PutJsonAsync($"{Events}/{id}/attendance", new { entries = new[] { leave } })).ProblemAsync(400);
        var marked = await (await staff.PutJsonAsync($"{Events}/{id}/attendance", new { entries = new[] { leave with { leaveReason = "外出学习" } } }))
            .ReadAsync<JsonElement>();
        marked.GetProperty("attendedCount").GetInt32().Should().Be(2);
        marked.GetProperty("onlineAttendedCount").GetInt32().Should().Be(1);
        marked.GetProperty("opinionsGathered").GetInt32().Should().Be(5);

        var closed = await (await staff.PostAsync($"{Events}/{id}/close", null)).ReadAsync<JsonElement>();
        closed.GetProperty("status").GetString().Should().Be("Closed");
        (await (await staff.PostAsync($"{Events}/{id}/close", null)).ProblemAsync(409)).GetProperty("code").GetString().Should().Be("stations.reception_closed");
        await (await staff.PutJsonAsync($"{Events}/{id}/attendance", new { entries = new[] { leave with { leaveReason = "改" } } })).ProblemAsync(409);
        await factory.DispatchOutboxAsync();
        await factory.DispatchOutboxAsync();

        // The same records published again (a retried outbox message) add nothing to the archive.
        var tenant = await factory.TenantAsync(Demo.Street);
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StationsDbContext>();
            db.Publish(new DutyPerformedIntegrationEvent(deputies[0].Deputy, tenant.Id, DutyKind.VotersReceived, Today, $"集中接待选民活动:{title}",
                "stations", $"{id}:{deputies[0].Deputy}"));
            await db.SaveChangesAsync();
        }
        await factory.DispatchOutboxAsync();

        async Task<List<JsonElement>> RecordsAsync(Guid deputy) =>
            (await (await staff.GetAsync($"/api/deputies/deputies/{deputy}/duty-records?pageSize=50")).ReadAsync<JsonElement>())
            .GetProperty("items").EnumerateArray().Where(r => r.GetProperty("sourceModule").GetString() == "stations").ToList();
        var attended = await RecordsAsync(deputies[0].Deputy);
        attended.Should().ContainSingle();
        attended[0].GetProperty("kind").GetString().Should().Be("VotersReceived");
        attended[0].GetProperty("attendance").GetString().Should().Be("Attended");
        attended[0].GetProperty("title").GetString().Should().Be($"集中接待选民活动:{title}");
        attended[0].GetProperty("evidence").GetString().Should().Contain("接待选民8人次");
        var excused = (await RecordsAsync(deputies[1].Deputy)).Should().ContainSingle().Subject;
        excused.GetProperty("attendance").GetString().Should().Be("Leave");
        excused.GetProperty("leaveReason").GetString().Should().Be("外出学习");
        (await RecordsAsync(deputies[2].Deputy)).Should().ContainSingle().Which.GetProperty("evidence").GetString().Should().Contain("线上");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_deputy_sees_their_events_and_asks_for_leave_before_the_event(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var (a, b, deputies) = await WorldAsync(factory);
        var staff = Staff(factory);
        var title = $"集中接待{Suffix()}";
        var e = await (await staff.PostJsonAsync(Events, Plan(title, Today.AddDays(10), a, b, deputies))).ReadAsync<JsonElement>();
        var id = e.GetProperty("id").GetGuid();
        var deputy = factory.As(deputies[1].User.ToString(), Demo.Street, "deputy");

        var mine = (await (await deputy.GetAsync("/api/stations/my-receptions")).ReadAsync<JsonElement>()).EnumerateArray()
            .Single(x => x.GetProperty("eventId").GetGuid() == id);
        mine.GetProperty("venueKind").GetString().Should().Be("Station");
        mine.GetProperty("canRequestLeave").GetBoolean().Should().BeTrue();
        await (await deputy.PostJsonAsync($"/api/stations/my-receptions/{id}/leave", new { reason = "" })).ProblemAsync(400);
        var onLeave = await (await deputy.PostJsonAsync($"/api/stations/my-receptions/{id}/leave", new { reason = "出差" })).ReadAsync<JsonElement>();
        onLeave.GetProperty("attendance").GetString().Should().Be("Leave");
        var sheet = await (await staff.GetAsync($"{Events}/{id}")).ReadAsync<JsonElement>();
        sheet.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("deputyId").GetGuid() == deputies[1].Deputy)
            .GetProperty("leaveReason").GetString().Should().Be("出差");

        // Staff cannot mark attendance before the day; a deputy not on the list finds nothing to ask leave from.
        await (await staff.PutJsonAsync($"{Events}/{id}/attendance", new
        {
            entries = new[] { new { participantId = Participant(e, deputies[0].Deputy), attendance = "Attended" } },
        })).ProblemAsync(409);
        var stranger = Guid.NewGuid();
        await DeputySeeding.DeputyAsync(factory, Demo.Street, $"局外代表{Suffix()}", userId: stranger);
        await (await factory.As(stranger.ToString(), Demo.Street, "deputy").PostJsonAsync($"/api/stations/my-receptions/{id}/leave", new { reason = "病假" }))
            .ProblemAsync(404);
        // A cancelled event: no leave, and it leaves the deputy's list.
        (await staff.PostAsync($"{Events}/{id}/cancel", null)).IsSuccessStatusCode.Should().BeTrue();
        await (await factory.As(deputies[0].User.ToString(), Demo.Street, "deputy").PostJsonAsync($"/api/stations/my-receptions/{id}/leave", new { reason = "病假" }))
            .ProblemAsync(409);
        (await (await deputy.GetAsync("/api/stations/my-receptions")).ReadAsync<JsonElement>()).EnumerateArray()
            .Should().NotContain(x => x.GetProperty("eventId").GetGuid() == id);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Another_street_cannot_read_or_change_an_event_and_the_district_reads_it(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var (a, b, deputies) = await WorldAsync(factory);
        var staff = Staff(factory);
        var title = $"集中接待{Suffix()}";
        var e = await (await staff.PostJsonAsync(Events, Plan(title, Today, a, b, deputies))).ReadAsync<JsonElement>();
        var id = e.GetProperty("id").GetGuid();
        var version = e.GetProperty("version").GetGuid();
        var entries = new { entries = new[] { new { participantId = Participant(e, deputies[0].Deputy), attendance = "Absent" } } };

        var sibling = Staff(factory, Demo.Sibling);
        await (await sibling.GetAsync($"{Events}/{id}")).ProblemAsync(404);
        (await TitlesAsync(sibling)).Should().NotContain(title);
        await (await sibling.PutJsonAsync($"{Events}/{id}/attendance", entries)).ProblemAsync(404);
        await (await sibling.PostAsync($"{Events}/{id}/close", null)).ProblemAsync(404);
        await (await sibling.PostAsync($"{Events}/{id}/cancel", null)).ProblemAsync(404);

        var district = factory.As("staff-reception-d", Demo.District, "staff", "supervisor");
        (await (await district.GetAsync($"{Events}/{id}")).ReadAsync<JsonElement>()).GetProperty("title").GetString().Should().Be(title);
        (await TitlesAsync(district)).Should().Contain(title);
        (await (await district.PostAsync($"{Events}/{id}/cancel", null)).ProblemAsync(403)).GetProperty("code").GetString().Should().Be("stations.reception_not_yours");

        var deputy = factory.As(deputies[0].User.ToString(), Demo.Street, "deputy");
        await (await deputy.GetAsync(Events)).ProblemAsync(403);
        await (await deputy.PostAsync($"{Events}/{id}/close", null)).ProblemAsync(403);
        await (await deputy.GetAsync($"{Events}/deputy-candidates")).ProblemAsync(403);
        await (await staff.GetAsync("/api/stations/my-receptions")).ProblemAsync(403);
        await (await factory.CreateClient().GetAsync(Events)).ProblemAsync(401);

        // The street's own staff edit it (stale version refused), and the picker lists its serving deputies only.
        var edited = await (await staff.PutJsonAsync($"{Events}/{id}", new
        {
            title = title + "(调整)", date = Today, startTime = "14:00:00", endTime = "16:00:00", stationIds = new[] { a }, onlineChannel = (string?)null,
            participants = new object[] { new { deputyId = deputies[0].Deputy, venueKind = "Station", stationId = (Guid?)a }, new { deputyId = deputies[2].Deputy, venueKind = "Dispersed", stationId = (Guid?)null } },
            version,
        })).ReadAsync<JsonElement>();
        edited.GetProperty("venues").GetArrayLength().Should().Be(1);
        edited.GetProperty("participants").GetArrayLength().Should().Be(2);
        await (await staff.PutJsonAsync($"{Events}/{id}", new
        {
            title, date = Today, startTime = "14:00:00", endTime = "16:00:00", stationIds = new[] { a },
            participants = new object[] { new { deputyId = deputies[0].Deputy, venueKind = "Station", stationId = (Guid?)a } }, version,
        })).ProblemAsync(409);
        var candidates = (await (await staff.GetAsync($"{Events}/deputy-candidates")).ReadAsync<JsonElement>()).EnumerateArray().ToList();
        candidates.Select(c => c.GetProperty("deputyId").GetGuid()).Should().Contain(deputies.Select(d => d.Deputy));
        candidates.Single(c => c.GetProperty("deputyId").GetGuid() == deputies[0].Deputy).GetProperty("stationIds").EnumerateArray()
            .Select(s => s.GetGuid()).Should().Contain(a);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_public_station_page_shows_upcoming_events_with_names_only_and_not_cancelled_ones(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var (a, b, deputies) = await WorldAsync(factory);
        var staff = Staff(factory);
        var upcoming = $"集中接待{Suffix()}";
        var cancelled = $"取消的接待{Suffix()}";
        await (await staff.PostJsonAsync(Events, Plan(upcoming, Today.AddDays(5), a, b, deputies))).ReadAsync<JsonElement>();
        var gone = await (await staff.PostJsonAsync(Events, Plan(cancelled, Today.AddDays(6), a, b, deputies))).ReadAsync<JsonElement>();
        (await staff.PostAsync($"{Events}/{gone.GetProperty("id").GetGuid()}/cancel", null)).IsSuccessStatusCode.Should().BeTrue();

        var response = await factory.CreateClient().GetAsync($"/api/stations/public-stations/{a}");
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        var receptions = JsonDocument.Parse(body).RootElement.GetProperty("receptions").EnumerateArray().ToList();
        var shown = receptions.Should().ContainSingle().Subject;
        shown.GetProperty("title").GetString().Should().Be(upcoming);
        shown.GetProperty("startTime").GetString().Should().StartWith("09:00");
        shown.GetProperty("deputyNames").EnumerateArray().Select(n => n.GetString()).Should().Equal(deputies[0].Name);
        shown.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["title", "date", "startTime", "endTime", "deputyNames"]);
        body.Should().NotContain(cancelled).And.NotContain(deputies[2].Name);
    }
}
