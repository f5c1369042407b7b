using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Stations.Features.Receptions;

/// <summary>The permissions of centralised reception events (集中接待选民活动).</summary>
internal static class ReceptionModule
{
    public static void AddServices(IServiceCollection services) =>
        services.AddPermissions(
        [
            new(StationsPermissions.ReceptionsRead, "查看集中接待选民活动", "View centralised reception events",
                [Roles.TenantAdmin, Roles.Supervisor, Roles.Leader, Roles.Staff, Roles.StationKeeper]),
            new(StationsPermissions.ReceptionsManage, "安排集中接待活动、登记出勤、结束归档", "Plan reception events, record attendance, close them",
                [Roles.TenantAdmin, Roles.Staff]),
            new(StationsPermissions.ReceptionsAttend, "查看本人参加的集中接待活动并请假", "See one's own reception events and ask for leave", [Roles.Deputy]),
        ]);
}
