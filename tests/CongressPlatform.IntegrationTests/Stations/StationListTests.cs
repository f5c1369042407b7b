using System.Net;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Stations;

[Collection(PlatformCollection.Name)]
public sealed class StationListTests(Platforms platforms)
{
    private sealed record StationView(Guid Id, Guid TenantId, string Name, Guid? ParentId, bool IsActive);

    private static async Task<Guid> StationAsync(PlatformFactory factory, string tenantCode, string name, Guid? parentId = null, bool active = true)
    {
        var tenant = await factory.TenantAsync(tenantCode);
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<StationsDbContext>();
        var station = new Station(parentId is null ? StationKind.CentreStation : StationKind.CommunityStation, parentId,
            new StationDetails(name, null, "测试路1号", "每周一至周五 9:00–11:30", null, "孙站长", null, null), DateTime.UtcNow);
        if (!active)
        {
            station.SetActive(false, DateTime.UtcNow);
        }
        ((ITenantOwned)station).AssignTenant(tenant.Id, tenant.Path);
        db.Stations.Add(station);
        await db.SaveChangesAsync();
        return station.Id;
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_street_lists_its_own_stations_in_tree_order_the_district_all_and_a_sibling_none(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var centre = await StationAsync(factory, Demo.Street, $"中心联络站{suffix}");
        var community = await StationAsync(factory, Demo.Street, $"社区联络站{suffix}", centre);
        var closed = await StationAsync(factory, Demo.Street, $"已停用联络点{suffix}", centre, active: false);

        var own = await (await factory.As("staff-st", Demo.Street, "staff").GetAsync("/api/stations/stations")).ReadAsync<List<StationView>>();
        var mine = own.Where(s => s.Name.EndsWith(suffix, StringComparison.Ordinal)).Select(s => s.Id).ToList();
        mine.Should().Equal(centre, community);

        var withClosed = await (await factory.As("staff-st", Demo.Street, "staff").GetAsync("/api/stations/stations?includeInactive=true"))
            .ReadAsync<List<StationView>>();
        withClosed.Should().Contain(s => s.Id == closed && !s.IsActive);

        var district = await (await factory.As("staff-st-d", Demo.District, "staff", "supervisor").GetAsync("/api/stations/stations"))
            .ReadAsync<List<StationView>>();
        district.Select(s => s.Id).Should().Contain([centre, community]);

        var sibling = await (await factory.As("staff-st-s", Demo.Sibling, "staff").GetAsync("/api/stations/stations")).ReadAsync<List<StationView>>();
        sibling.Select(s => s.Id).Should().NotContain([centre, community, closed]);

        (await factory.As("officer-st", Demo.Street, "unit-officer").GetAsync("/api/stations/stations")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
