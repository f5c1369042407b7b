using System.Net;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Identity;

[Collection(PlatformCollection.Name)]
public sealed class HandlingUnitTests(Platforms platforms)
{
    private const string Units = "/api/identity/handling-units";

    private static object NewUnit(string name) => new { name, kind = "GovernmentDepartment", contactName = "李明", contactPhone = "0571-8888 1234" };

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..20];

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Staff_create_read_and_update_a_unit_of_their_own_street(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-dongliu", Demo.Street, "staff");
        var name = Unique("东柳物业办");

        var created = await (await staff.PostJsonAsync(Units, NewUnit(name))).ReadAsync<UnitView>();
        created.TenantId.Should().Be((await factory.TenantAsync(Demo.Street)).Id);
        created.TenantName.Should().Be("东柳街道人大工委");

        var read = await (await staff.GetAsync($"{Units}/{created.Id}")).ReadAsync<UnitView>();
        read.Should().BeEquivalentTo(created);

        var updated = await (await staff.PutJsonAsync($"{Units}/{created.Id}",
            new { name = name + "改", kind = "StreetOffice", contactName = (string?)null, contactPhone = (string?)null, isActive = true, version = created.Version }))
            .ReadAsync<UnitView>();
        updated.Name.Should().Be(name + "改");
        updated.Kind.Should().Be("StreetOffice");
        updated.Version.Should().NotBe(created.Version);

        var stale = await staff.PutJsonAsync($"{Units}/{created.Id}",
            new { name = name + "再改", kind = "StreetOffice", contactName = (string?)null, contactPhone = (string?)null, isActive = true, version = created.Version });
        (await stale.ProblemAsync(409)).GetProperty("code").GetString().Should().Be("concurrency");
        (await (await staff.GetAsync($"{Units}/{created.Id}")).ReadAsync<UnitView>()).Name.Should().Be(name + "改");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_sibling_street_can_neither_read_nor_change_another_streets_unit(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var owner = factory.As("staff-dongliu", Demo.Street, "staff");
        var sibling = factory.As("staff-xiliu", Demo.Sibling, "staff", "tenant-admin");
        var created = await (await owner.PostJsonAsync(Units, NewUnit(Unique("东柳城管中队")))).ReadAsync<UnitView>();

        (await sibling.GetAsync($"{Units}/{created.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var change = await sibling.PutJsonAsync($"{Units}/{created.Id}",
            new { name = "被篡改", kind = "Other", contactName = (string?)null, contactPhone = (string?)null, isActive = false, version = created.Version });
        await change.ProblemAsync(404);

        var list = await (await sibling.GetAsync($"{Units}?pageSize=200&includeInactive=true")).ReadAsync<Paged<UnitView>>();
        var xiliu = await factory.TenantAsync(Demo.Sibling);
        list.Items.Should().NotBeEmpty().And.OnlyContain(u => u.TenantId == xiliu.Id);
        list.Total.Should().Be(list.Items.Count);

        (await (await owner.GetAsync($"{Units}/{created.Id}")).ReadAsync<UnitView>()).Should().BeEquivalentTo(created);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_street_cannot_create_a_unit_in_a_sibling_street(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-dongliu", Demo.Street, "staff");
        var xiliu = await factory.TenantAsync(Demo.Sibling);
        var name = Unique("越权单位");

        var response = await staff.PostJsonAsync(Units, new { tenantId = xiliu.Id, name, kind = "Other" });

        await response.ProblemAsync(404);
        var district = factory.As("admin", Demo.District, "system-admin");
        var all = await (await district.GetAsync($"{Units}?search={name}&includeInactive=true")).ReadAsync<Paged<UnitView>>();
        all.Items.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_district_supervises_every_street_and_township_below_it(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var supervisor = factory.As("leader-district", Demo.District, "supervisor", "staff");
        var xinchang = await factory.TenantAsync(Demo.Township);

        var created = await (await supervisor.PostJsonAsync(Units, new { tenantId = xinchang.Id, name = Unique("新昌镇农办"), kind = "TownshipGovernment" }))
            .ReadAsync<UnitView>();
        created.TenantId.Should().Be(xinchang.Id);

        var list = await (await supervisor.GetAsync($"{Units}?pageSize=200")).ReadAsync<Paged<UnitView>>();
        list.Items.Select(u => u.TenantName).Distinct().Should().HaveCountGreaterThanOrEqualTo(7);
        var narrowed = await (await supervisor.GetAsync($"{Units}?tenantId={xinchang.Id}&pageSize=200")).ReadAsync<Paged<UnitView>>();
        narrowed.Items.Should().OnlyContain(u => u.TenantId == xinchang.Id).And.Contain(u => u.Id == created.Id);

        // Staff at the district without the supervisor role see the district's own units only.
        var staff = factory.As("staff-district", Demo.District, "staff");
        var own = await (await staff.GetAsync($"{Units}?pageSize=200")).ReadAsync<Paged<UnitView>>();
        own.Items.Should().OnlyContain(u => u.TenantName == "柳城区人大常委会");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Names_are_unique_within_a_tenant(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-nanhu", "nanhu", "staff");
        var name = Unique("南湖环卫所");
        (await staff.PostJsonAsync(Units, NewUnit(name))).StatusCode.Should().Be(HttpStatusCode.Created);

        var second = await staff.PostJsonAsync(Units, NewUnit(name));

        (await second.ProblemAsync(409)).GetProperty("code").GetString().Should().Be("handling_unit.name_taken");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_deputy_may_not_register_units(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var deputy = factory.As("deputy-wang", Demo.Street, "deputy");

        var response = await deputy.PostJsonAsync(Units, NewUnit(Unique("代表越权")));

        await response.ProblemAsync(403);
    }
}
