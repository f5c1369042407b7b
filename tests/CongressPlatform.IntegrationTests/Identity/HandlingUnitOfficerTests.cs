using System.Net;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Identity;

/// <summary>The officers of a handling unit: the demo officer answers for the street office; only unit officers of the unit's tenant qualify.</summary>
[Collection(PlatformCollection.Name)]
public sealed class HandlingUnitOfficerTests(Platforms platforms)
{
    private sealed record UserRow(Guid Id, string UserName);

    private sealed record OfficerRow(Guid UserId, string UserName, string DisplayName);

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_demo_officer_serves_the_street_office_and_only_unit_officers_of_the_tenant_can_be_set(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("hu-officer-admin", Demo.Street, "tenant-admin");
        var units = await (await admin.GetAsync("/api/identity/handling-units?search=办事处")).ReadAsync<Paged<UnitView>>();
        var office = units.Items.Single(u => u.Kind == "StreetOffice");
        var officers = await (await admin.GetAsync($"/api/identity/handling-units/{office.Id}/officers")).ReadAsync<List<OfficerRow>>();
        officers.Should().ContainSingle(o => o.UserName == "unit.officer");

        var users = await (await admin.GetAsync("/api/identity/users?pageSize=200")).ReadAsync<Paged<UserRow>>();
        var staff = users.Items.Single(u => u.UserName == "dongliu.staff").Id;
        var refused = await (await admin.PutJsonAsync($"/api/identity/handling-units/{office.Id}/officers", new { userIds = new[] { staff } })).ProblemAsync(422);
        refused.GetProperty("detail").GetString().Should().Contain("承办单位人员");

        var officer = officers.Single().UserId;
        (await (await admin.PutJsonAsync($"/api/identity/handling-units/{office.Id}/officers", new { userIds = new[] { officer } }))
            .ReadAsync<List<OfficerRow>>()).Should().ContainSingle(o => o.UserId == officer);

        (await factory.As("hu-officer-sibling", Demo.Sibling, "tenant-admin").GetAsync($"/api/identity/handling-units/{office.Id}/officers"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await factory.As("hu-officer-deputy", Demo.Street, "deputy").PutJsonAsync($"/api/identity/handling-units/{office.Id}/officers", new { userIds = Array.Empty<Guid>() }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
