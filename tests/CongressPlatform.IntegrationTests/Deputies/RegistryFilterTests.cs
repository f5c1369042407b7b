using System.Net;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Deputies.Contracts;

namespace CongressPlatform.IntegrationTests.Deputies;

/// <summary>The registry list's group and points-band filters, its count, and the export that follows the same filter.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryFilterTests(Platforms platforms)
{
    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_kept_count_follows_every_change_saved_here_and_is_the_callers_own(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var district = await factory.TenantAsync(Demo.District);
        var streets = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var code = "c" + Guid.NewGuid().ToString("N")[..10];
            var created = await factory.As("admin", Demo.District, "system-admin").PostJsonAsync("/api/identity/tenants",
                new { parentId = district.Id, code, name = $"计数测试街道{code}", kind = "Street" });
            created.IsSuccessStatusCode.Should().BeTrue(await created.Content.ReadAsStringAsync());
            streets.Add(code);
        }
        await factory.DispatchOutboxAsync();
        var staff = factory.As("staff-c-" + streets[0], streets[0], "staff");
        var neighbour = factory.As("staff-c-" + streets[1], streets[1], "staff");
        var supervisor = factory.As("count-supervisor", Demo.District, "staff", "supervisor");

        (await RegistryWorld.ListAsync(staff, "pageSize=5")).Total.Should().Be(0);
        (await RegistryWorld.ListAsync(staff, "status=Serving&pageSize=5")).Total.Should().Be(0);
        var supervised = (await RegistryWorld.ListAsync(supervisor, "pageSize=5")).Total;

        // Each change saved on this node is in the very next count, for every filter and scope that sees it.
        var first = await RegistryWorld.RegisterAsync(staff, RegistryWorld.Name(), RegistryWorld.Mobile());
        (await RegistryWorld.ListAsync(staff, "pageSize=5")).Total.Should().Be(1);
        (await RegistryWorld.ListAsync(staff, "status=Serving&pageSize=5")).Total.Should().Be(1);
        (await RegistryWorld.ListAsync(supervisor, "pageSize=5")).Total.Should().Be(supervised + 1);
        (await RegistryWorld.ListAsync(neighbour, "pageSize=5")).Total.Should().Be(0, "a count kept for one street is never another's");
        // The page is kept like the count: the same requests made before the change now show it.
        (await RegistryWorld.ListAsync(staff, "pageSize=5")).Items.Select(d => d.Id).Should().Equal(first.Id);
        (await RegistryWorld.ListAsync(staff, "status=Serving&pageSize=5")).Items.Select(d => d.Id).Should().Equal(first.Id);
        (await RegistryWorld.ListAsync(neighbour, "pageSize=5")).Items.Should().BeEmpty("a page kept for one street is never another's");

        var second = await RegistryWorld.RegisterAsync(staff, RegistryWorld.Name(), RegistryWorld.Mobile());
        var page = await RegistryWorld.ListAsync(staff, "pageSize=1");
        page.Total.Should().Be(2);
        page.Items.Should().ContainSingle();
        var next = await RegistryWorld.ListAsync(staff, "pageSize=1&page=2");
        next.Total.Should().Be(2);
        // The first page (no OFFSET, its size in the SQL) and the second (an OFFSET) together hold both, once each.
        page.Items.Concat(next.Items).Select(d => d.Id).Should().BeEquivalentTo([first.Id, second.Id]);
        (await RegistryWorld.ListAsync(staff, "pageSize=1&page=3")).Items.Should().BeEmpty();

        var seat = first.Seats.Single();
        (await staff.PostJsonAsync($"{RegistryWorld.Api}/{first.Id}/seats/{seat.Id}/end",
            new { status = "Resigned", endedOn = "2024-03-20", reason = "工作调动", version = seat.Version })).IsSuccessStatusCode.Should().BeTrue();
        (await RegistryWorld.ListAsync(staff, "status=Serving&pageSize=5")).Total.Should().Be(1);
        (await RegistryWorld.ListAsync(staff, "status=Resigned&pageSize=5")).Total.Should().Be(1);
        (await RegistryWorld.ListAsync(staff, "pageSize=5")).Total.Should().Be(2);
        (await RegistryWorld.ListAsync(staff, "status=Serving&pageSize=5")).Items.Select(d => d.Id).Should().Equal(second.Id);
        (await RegistryWorld.ListAsync(staff, "pageSize=5")).Items.Single(d => d.Id == first.Id).Seats.Single().Status.Should().Be("Resigned");

        // A person's own change (not a seat's) is in the next page too.
        var current = await (await staff.GetAsync($"{RegistryWorld.Api}/{first.Id}")).ReadAsync<DeputyView>();
        var renamed = RegistryWorld.Name();
        (await staff.PutJsonAsync($"{RegistryWorld.Api}/{first.Id}", new
        {
            name = renamed, gender = current.Gender, ethnicity = current.Ethnicity, birthYear = current.BirthYear, party = current.Party,
            education = current.Education, occupation = current.Occupation, workUnit = "改名后的工作单位", mobile = RegistryWorld.Mobile(),
            email = (string?)null, version = current.Version,
        })).IsSuccessStatusCode.Should().BeTrue();
        var afterRename = (await RegistryWorld.ListAsync(staff, "pageSize=5")).Items.Single(d => d.Id == first.Id);
        afterRename.Name.Should().Be(renamed);
        afterRename.WorkUnit.Should().Be("改名后的工作单位");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_list_narrows_by_group_and_by_points_band_and_counts_what_it_shows(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        // A street of its own, so the demo deputies do not enter the counts.
        var district = await factory.TenantAsync(Demo.District);
        var code = "f" + Guid.NewGuid().ToString("N")[..10];
        var created = await factory.As("admin", Demo.District, "system-admin").PostJsonAsync("/api/identity/tenants",
            new { parentId = district.Id, code, name = $"筛选测试街道{code}", kind = "Street" });
        created.IsSuccessStatusCode.Should().BeTrue(await created.Content.ReadAsStringAsync());
        await factory.DispatchOutboxAsync();
        var staff = factory.As("staff-f-" + code, code, "staff");

        var none = await DeputySeeding.DeputyAsync(factory, code, "零分甲");
        var low = await DeputySeeding.DeputyAsync(factory, code, "低分乙");
        var high = await DeputySeeding.DeputyAsync(factory, code, "高分丙");
        var other = await DeputySeeding.DeputyAsync(factory, code, "组外丁");
        // 2023: no policy and no demo record — the default rules (study 2 points, inspection 5).
        await DeputySeeding.RecordAsync(factory, code, low, DutyKind.StudyAttended, new(2023, 3, 1), "3月集中学习");
        for (var i = 0; i < 2; i++)
        {
            await DeputySeeding.RecordAsync(factory, code, high, DutyKind.InspectionJoined, new(2023, 5, 10 + i), $"视察{i + 1}");
        }
        await DeputySeeding.RecordAsync(factory, code, other, DutyKind.InspectionJoined, new(2024, 5, 10), "次年的视察");

        var group = await (await staff.PostJsonAsync("/api/deputies/groups",
            new { name = "第一小组", leaderId = high, viceLeaderIds = new[] { low }, memberIds = new[] { none } })).ReadAsync<JsonElement>();
        var groupId = group.GetProperty("id").GetGuid();

        var all = await RegistryWorld.ListAsync(staff, "pageSize=50");
        all.Total.Should().Be(4);
        all.Items.Should().HaveCount(4);

        var members = await RegistryWorld.ListAsync(staff, $"groupId={groupId}&pageSize=50");
        members.Items.Select(d => d.Id).Should().BeEquivalentTo([high, low, none]);
        members.Total.Should().Be(3);

        var atLeastTwo = await RegistryWorld.ListAsync(staff, "pointsYear=2023&minPoints=2&pageSize=50");
        atLeastTwo.Items.Select(d => d.Id).Should().BeEquivalentTo([low, high]);
        atLeastTwo.Total.Should().Be(2);

        // Zero points is a band too: the deputies with no record that year are in it.
        var zero = await RegistryWorld.ListAsync(staff, "pointsYear=2023&maxPoints=0&pageSize=50");
        zero.Items.Select(d => d.Id).Should().BeEquivalentTo([none, other]);

        var middle = await RegistryWorld.ListAsync(staff, "pointsYear=2023&minPoints=1&maxPoints=5&pageSize=50");
        middle.Items.Select(d => d.Id).Should().Equal(low);

        var combined = await RegistryWorld.ListAsync(staff, $"groupId={groupId}&pointsYear=2023&minPoints=10&search=高分&pageSize=50");
        combined.Items.Select(d => d.Id).Should().Equal(high);
        combined.Total.Should().Be(1);

        // The station filter asks Stations for the deputies assigned there now.
        var station = await (await staff.PostJsonAsync("/api/stations/stations", new
        {
            kind = "CentreStation", parentId = (Guid?)null, name = "筛选测试中心联络站", community = (string?)null, address = "测试路 8 号",
            openingHours = "每周三 9:00–11:30", keeperUserId = (Guid?)null, keeperName = "孙站长", liaisonName = (string?)null, phone = (string?)null,
        })).ReadAsync<JsonElement>();
        var stationId = station.GetProperty("id").GetGuid();
        (await staff.PostJsonAsync($"/api/stations/stations/{stationId}/deputies", new { deputyId = low, assignedOn = (string?)null }))
            .IsSuccessStatusCode.Should().BeTrue();
        var atStation = await RegistryWorld.ListAsync(staff, $"stationId={stationId}&pageSize=50");
        atStation.Items.Select(d => d.Id).Should().Equal(low);
        atStation.Total.Should().Be(1);

        // A group or a station of another tenant narrows to nobody; it reveals nothing.
        var foreign = await RegistryWorld.ListAsync(factory.As("staff-f-s", Demo.Sibling, "staff"), $"groupId={groupId}");
        foreign.Total.Should().Be(0);
        (await RegistryWorld.ListAsync(factory.As("staff-f-s", Demo.Sibling, "staff"), $"stationId={stationId}")).Total.Should().Be(0);

        var wrong = await staff.GetAsync("/api/deputies/deputies?minPoints=10&maxPoints=5");
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("最高积分不能低于最低积分");
    }
}
