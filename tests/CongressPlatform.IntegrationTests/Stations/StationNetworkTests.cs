using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using CongressPlatform.IntegrationTests.Deputies;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Stations.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;

namespace CongressPlatform.IntegrationTests.Stations;

[Collection(PlatformCollection.Name)]
public sealed class StationNetworkTests(Platforms platforms)
{
    private const string Api = "/api/stations/stations";

    private sealed record AssignmentView(Guid Id, Guid DeputyId, string DeputyName, DateOnly AssignedOn, DateOnly? EndedOn);

    private sealed record StationView(Guid Id, Guid TenantId, string Kind, Guid? ParentId, string Name, string? Community, string Address,
        string OpeningHours, Guid? KeeperUserId, string? KeeperName, string? Phone, bool IsActive, List<AssignmentView> Deputies, Guid Version);

    private sealed record PublicDeputyView(Guid DeputyId, string Name, string? Mobile, string? Email, string? WorkUnit);

    private sealed record PublicStationView(Guid Id, string Name, string Address, string OpeningHours, List<PublicDeputyView> Deputies, string OpinionPath);

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    private static object NewStation(string kind, Guid? parentId, string name, Guid? keeper = null) => new
    {
        kind, parentId, name, community = "锦绣社区", address = "人民路1号", openingHours = "每周三 14:30–17:00",
        keeperUserId = keeper, keeperName = "孙站长", liaisonName = "李联络员", phone = "0571-88001234",
    };

    private static object Edit(StationView s, string? name = null, string? kind = null, Guid? parentId = null, string? hours = null) => new
    {
        kind = kind ?? s.Kind, parentId = parentId ?? s.ParentId, name = name ?? s.Name, community = s.Community, address = s.Address,
        openingHours = hours ?? s.OpeningHours, keeperUserId = s.KeeperUserId, keeperName = s.KeeperName, liaisonName = "李联络员", phone = s.Phone,
        version = s.Version,
    };

    private static async Task<StationView> CreateAsync(HttpClient client, string kind, Guid? parentId, string name, Guid? keeper = null)
    {
        var response = await client.PostJsonAsync(Api, NewStation(kind, parentId, name, keeper));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<StationView>();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Staff_build_the_tree_within_the_tier_rules_edit_with_a_version_and_close_without_deleting(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-net", Demo.Street, "staff");
        var s = Suffix();
        var home = await CreateAsync(staff, "DeputiesHome", null, $"代表之家{s}");
        var centre = await CreateAsync(staff, "CentreStation", home.Id, $"中心站{s}");
        var community = await CreateAsync(staff, "CommunityStation", centre.Id, $"社区站{s}");
        var point = await CreateAsync(staff, "LiaisonPoint", community.Id, $"联络点{s}");
        point.ParentId.Should().Be(community.Id);

        (await (await staff.PostJsonAsync(Api, NewStation("LiaisonPoint", null, $"孤点{s}"))).ProblemAsync(422))
            .GetProperty("detail").GetString().Should().Contain("联络点");
        (await (await staff.PostJsonAsync(Api, NewStation("CentreStation", community.Id, $"倒挂{s}"))).ProblemAsync(422))
            .GetProperty("detail").GetString().Should().Contain("不能设在");
        (await (await staff.PostJsonAsync(Api, NewStation("DeputiesHome", home.Id, $"双层{s}"))).ProblemAsync(422))
            .GetProperty("code").GetString().Should().Be("stations.nesting");
        var invalid = await (await staff.PostJsonAsync(Api, new { kind = "CentreStation", name = "", address = "", openingHours = "" })).ProblemAsync(400);
        invalid.GetProperty("errors").TryGetProperty("name", out _).Should().BeTrue();

        // A centre cannot become a point while a community station sits under it.
        (await (await staff.PutJsonAsync($"{Api}/{centre.Id}", Edit(centre, kind: "LiaisonPoint"))).ProblemAsync(422))
            .GetProperty("code").GetString().Should().Be("stations.nesting_children");
        var edited = await (await staff.PutJsonAsync($"{Api}/{community.Id}", Edit(community, name: $"社区站改{s}", hours: "每周五 9:00–11:30")))
            .ReadAsync<StationView>();
        edited.OpeningHours.Should().Be("每周五 9:00–11:30");
        (await staff.PutJsonAsync($"{Api}/{community.Id}", Edit(community))).StatusCode.Should().Be(HttpStatusCode.Conflict);

        (await (await staff.PutJsonAsync($"{Api}/{community.Id}/active", new { active = false, version = edited.Version })).ProblemAsync(422))
            .GetProperty("code").GetString().Should().Be("stations.has_active_children");
        var closedPoint = await (await staff.PutJsonAsync($"{Api}/{point.Id}/active", new { active = false, version = point.Version })).ReadAsync<StationView>();
        closedPoint.IsActive.Should().BeFalse();
        (await staff.GetAsync($"{Api}/{point.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var reopened = await (await staff.PutJsonAsync($"{Api}/{point.Id}/active", new { active = true, version = closedPoint.Version })).ReadAsync<StationView>();
        reopened.IsActive.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_sibling_street_cannot_see_or_touch_a_station_the_district_reads_it_and_a_keeper_edits_only_their_own(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-net2", Demo.Street, "staff");
        var s = Suffix();
        var keeperId = await KeeperAccounts.CreateAsync(factory, Demo.Street, "station-keeper");
        var centre = await CreateAsync(staff, "CentreStation", null, $"中心站{s}", keeperId);

        var sibling = factory.As("staff-net-sib", Demo.Sibling, "staff");
        await (await sibling.GetAsync($"{Api}/{centre.Id}")).ProblemAsync(404);
        await (await sibling.PutJsonAsync($"{Api}/{centre.Id}", Edit(centre))).ProblemAsync(404);
        await (await sibling.PutJsonAsync($"{Api}/{centre.Id}/active", new { active = false, version = centre.Version })).ProblemAsync(404);
        await (await sibling.PostJsonAsync(Api, NewStation("CommunityStation", centre.Id, $"越界{s}"))).ProblemAsync(422);
        await (await sibling.GetAsync($"{Api}/{centre.Id}/qr-code")).ProblemAsync(404);

        var district = factory.As("staff-net-d", Demo.District, "staff", "supervisor");
        (await (await district.GetAsync($"{Api}/{centre.Id}")).ReadAsync<StationView>()).Name.Should().Be($"中心站{s}");

        var keeper = factory.As(keeperId.ToString(), Demo.Street, "station-keeper");
        var kept = await (await keeper.PutJsonAsync($"{Api}/{centre.Id}", Edit(centre, hours: "每周一 9:00–11:30", kind: "DeputiesHome"))).ReadAsync<StationView>();
        kept.OpeningHours.Should().Be("每周一 9:00–11:30");
        kept.Kind.Should().Be("CentreStation", "a keeper edits details, not the tier");
        var other = await CreateAsync(staff, "CentreStation", null, $"他站{s}");
        await (await keeper.PutJsonAsync($"{Api}/{other.Id}", Edit(other))).ProblemAsync(403);
        (await keeper.PostJsonAsync(Api, NewStation("CentreStation", null, $"站长建站{s}"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Every_new_endpoint_declares_its_permission(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-net3", Demo.Street, "staff");
        var station = await CreateAsync(staff, "CentreStation", null, $"权限站{Suffix()}");
        var officer = factory.As("officer-net", Demo.Street, "unit-officer");
        var anonymous = factory.CreateClient();
        var calls = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, $"{Api}/{station.Id}", null),
            (HttpMethod.Post, Api, NewStation("CentreStation", null, "x")),
            (HttpMethod.Put, $"{Api}/{station.Id}", Edit(station)),
            (HttpMethod.Put, $"{Api}/{station.Id}/active", new { active = false, version = station.Version }),
            (HttpMethod.Get, $"{Api}/{station.Id}/deputy-candidates", null),
            (HttpMethod.Post, $"{Api}/{station.Id}/deputies", new { deputyId = Guid.NewGuid() }),
            (HttpMethod.Post, $"{Api}/{station.Id}/deputies/{Guid.NewGuid()}/end", new { }),
            (HttpMethod.Get, $"{Api}/{station.Id}/qr-code", null),
        };
        foreach (var (method, url, body) in calls)
        {
            foreach (var (client, status) in new[] { (officer, HttpStatusCode.Forbidden), (anonymous, HttpStatusCode.Unauthorized) })
            {
                using var request = new HttpRequestMessage(method, url);
                if (body is not null)
                {
                    request.Content = JsonContent(body);
                }
                (await client.SendAsync(request)).StatusCode.Should().Be(status, $"{method} {url}");
            }
        }
        var keeper = factory.As("keeper-net", Demo.Street, "station-keeper");
        (await keeper.PostJsonAsync($"{Api}/{station.Id}/deputies", new { deputyId = Guid.NewGuid() })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await anonymous.GetAsync($"/api/stations/public-stations/{station.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body, Http.Json), System.Text.Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Deputies_of_the_station_tenant_are_assigned_ended_and_kept_as_history(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-net4", Demo.Street, "staff");
        var s = Suffix();
        var station = await CreateAsync(staff, "CentreStation", null, $"进站{s}");
        var own = await DeputySeeding.DeputyAsync(factory, Demo.Street, $"本街代表{s}");
        var foreign = await DeputySeeding.DeputyAsync(factory, Demo.Sibling, $"西柳代表{s}");

        var candidates = await (await staff.GetAsync($"{Api}/{station.Id}/deputy-candidates?search={s}")).ReadAsync<List<AssignmentView>>();
        candidates.Select(c => c.DeputyId).Should().Equal(own);

        (await (await staff.PostJsonAsync($"{Api}/{station.Id}/deputies", new { deputyId = foreign })).ProblemAsync(422))
            .GetProperty("detail").GetString().Should().Contain("在任代表");
        var assigned = await (await staff.PostJsonAsync($"{Api}/{station.Id}/deputies", new { deputyId = own, assignedOn = "2025-03-01" }))
            .ReadAsync<StationView>();
        assigned.Deputies.Should().ContainSingle(d => d.DeputyId == own && d.DeputyName == $"本街代表{s}" && d.EndedOn == null);
        await (await staff.PostJsonAsync($"{Api}/{station.Id}/deputies", new { deputyId = own })).ProblemAsync(409);

        using (var scope = await factory.Services.GetRequiredService<IServiceScopeFactory>().CreateUserScopeAsync(
                   new UserIdentity(Guid.NewGuid(), "t", (await factory.TenantAsync(Demo.Street)).Id, ["staff"]), CancellationToken.None))
        {
            (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetStationDeputyIdsQuery(station.Id))).Should().Equal(own);
        }
        using (var scope = await factory.Services.GetRequiredService<IServiceScopeFactory>().CreateUserScopeAsync(
                   new UserIdentity(Guid.NewGuid(), "t", (await factory.TenantAsync(Demo.Sibling)).Id, ["staff"]), CancellationToken.None))
        {
            (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetStationDeputyIdsQuery(station.Id))).Should().BeEmpty();
        }

        var assignment = assigned.Deputies.Single();
        var ended = await (await staff.PostJsonAsync($"{Api}/{station.Id}/deputies/{assignment.Id}/end", new { endedOn = "2026-06-30" }))
            .ReadAsync<StationView>();
        ended.Deputies.Should().ContainSingle(d => d.Id == assignment.Id && d.EndedOn == new DateOnly(2026, 6, 30));
        await (await staff.PostJsonAsync($"{Api}/{station.Id}/deputies/{assignment.Id}/end", new { })).ProblemAsync(422);
        var again = await (await staff.PostJsonAsync($"{Api}/{station.Id}/deputies", new { deputyId = own })).ReadAsync<StationView>();
        again.Deputies.Count(d => d.DeputyId == own).Should().Be(2, "the former assignment stays as history");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Posters_come_as_png_and_well_formed_svg_for_the_station_and_a_deputy_at_it(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-net5", Demo.Street, "staff");
        var s = Suffix();
        var station = await CreateAsync(staff, "CentreStation", null, $"海报{s}");
        var deputy = await DeputySeeding.DeputyAsync(factory, Demo.Street, $"海报代表{s}");
        await staff.PostJsonAsync($"{Api}/{station.Id}/deputies", new { deputyId = deputy });

        var png = await staff.GetAsync($"{Api}/{station.Id}/qr-code");
        png.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        var bytes = await png.Content.ReadAsByteArrayAsync();
        bytes.Length.Should().BeGreaterThan(200);
        bytes.Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });

        var svg = await staff.GetAsync($"{Api}/{station.Id}/qr-code?format=Svg&deputyId={deputy}");
        svg.StatusCode.Should().Be(HttpStatusCode.OK);
        svg.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        var document = XDocument.Parse(await svg.Content.ReadAsStringAsync());
        document.Root!.Name.LocalName.Should().Be("svg");

        await (await staff.GetAsync($"{Api}/{station.Id}/qr-code?deputyId={Guid.NewGuid()}")).ProblemAsync(404);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_public_page_shows_only_consented_contact_items_and_refuses_unknown_and_closed_stations_in_chinese(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-net6", Demo.Street, "staff");
        var s = Suffix();
        var station = await CreateAsync(staff, "CentreStation", null, $"公开站{s}");
        var consenting = await DeputySeeding.DeputyAsync(factory, Demo.Street, $"公开代表{s}");
        var private_ = await DeputySeeding.DeputyAsync(factory, Demo.Street, $"保密代表{s}");
        await (await staff.PostJsonAsync($"/api/deputies/deputies/{consenting}/consents", new { item = "Phone", granted = true, note = "本人签署授权书" }))
            .ReadAsync<JsonElement>();
        await staff.PostJsonAsync($"{Api}/{station.Id}/deputies", new { deputyId = consenting });
        var current = await (await staff.PostJsonAsync($"{Api}/{station.Id}/deputies", new { deputyId = private_ })).ReadAsync<StationView>();

        var anonymous = factory.CreateClient();
        var page = await (await anonymous.GetAsync($"/api/stations/public-stations/{station.Id}")).ReadAsync<PublicStationView>();
        page.Name.Should().Be($"公开站{s}");
        page.OpinionPath.Should().Be($"/p/opinions/new?station={station.Id}");
        page.Deputies.Single(d => d.DeputyId == consenting).Mobile.Should().StartWith("139");
        var hidden = page.Deputies.Single(d => d.DeputyId == private_);
        hidden.Mobile.Should().BeNull();
        hidden.WorkUnit.Should().BeNull();
        hidden.Email.Should().BeNull();

        (await (await anonymous.GetAsync($"/api/stations/public-stations/{Guid.NewGuid()}")).ProblemAsync(404))
            .GetProperty("detail").GetString().Should().Contain("未找到该联络站");
        (await anonymous.GetAsync("/api/stations/public-stations/not-a-guid")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await staff.PutJsonAsync($"{Api}/{station.Id}/active", new { active = false, version = current.Version });
        (await (await anonymous.GetAsync($"/api/stations/public-stations/{station.Id}")).ProblemAsync(404))
            .GetProperty("detail").GetString().Should().Contain("已停止开放");
    }
}
