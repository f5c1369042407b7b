using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Stations;

/// <summary>Stations and their deputies written straight through the module's DbContext (the assignment API is another slice's).</summary>
internal static class RotaSeeding
{
    public static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    public static DateOnly ThisMonday => RotaPlanner.Monday(Today);

    public static async Task<Guid> StationAsync(PlatformFactory factory, string tenantCode, string name, Guid? keeperUserId = null, bool active = true)
    {
        var tenant = await factory.TenantAsync(tenantCode);
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<StationsDbContext>();
        var station = new Station(StationKind.CommunityStation, null,
            new StationDetails(name, "东柳社区", "东柳路8号", "每周一至周五 9:00–11:30", keeperUserId, "孙站长", "李联络员", "0571-88886666"), DateTime.UtcNow);
        if (!active)
        {
            station.SetActive(false, DateTime.UtcNow);
        }
        ((ITenantOwned)station).AssignTenant(tenant.Id, tenant.Path);
        db.Stations.Add(station);
        await db.SaveChangesAsync();
        return station.Id;
    }

    public static async Task AssignAsync(PlatformFactory factory, string tenantCode, Guid stationId, Guid deputyId, string name, DateOnly? on = null)
    {
        var tenant = await factory.TenantAsync(tenantCode);
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<StationsDbContext>();
        var row = new StationDeputy(stationId, deputyId, name, on ?? new DateOnly(2025, 1, 1));
        ((ITenantOwned)row).AssignTenant(tenant.Id, tenant.Path);
        db.StationDeputies.Add(row);
        await db.SaveChangesAsync();
    }
}
