using System.Reflection;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CongressPlatform.Modules.Stations;

/// <summary>Stations: the liaison station network, duty rota, reception events, residents' opinions and the monthly public notice.</summary>
public sealed class StationsModule : IModule
{
    public string Name => "stations";

    public Assembly Assembly => typeof(StationsModule).Assembly;

    public Assembly ContractsAssembly => typeof(StationsPermissions).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<StationsDbContext>();
        services.AddSingleton<IStartupTask, DemoData.StationsDemoData>();
        services.AddPermissions(
        [
            new(StationsPermissions.StationsRead, "查看联络站", "View liaison stations",
                [Roles.SystemAdmin, Roles.TenantAdmin, Roles.Supervisor, Roles.Leader, Roles.Staff, Roles.StationKeeper, Roles.Deputy]),
            new(StationsPermissions.StationsManage, "管理联络站", "Manage liaison stations", [Roles.TenantAdmin, Roles.Staff]),
            new(StationsPermissions.StationsUpdate, "修改联络站信息(站长限本站)", "Edit stations (a keeper only their own)",
                [Roles.TenantAdmin, Roles.Staff, Roles.StationKeeper]),
            new(StationsPermissions.AssignmentsManage, "安排代表进站", "Assign deputies to stations", [Roles.TenantAdmin, Roles.Staff]),
            new(StationsPermissions.OpinionsRead, "查看社情民意", "View residents' opinions",
                [Roles.TenantAdmin, Roles.Supervisor, Roles.Staff, Roles.StationKeeper, Roles.Deputy]),
            new(StationsPermissions.OpinionsManage, "登记、交办和反馈社情民意", "Register, refer and feed back residents' opinions",
                [Roles.TenantAdmin, Roles.Supervisor, Roles.Staff, Roles.StationKeeper]),
            new(StationsPermissions.OpinionsAnswer, "答复交办的社情民意", "Answer residents' opinions referred to one's unit", [Roles.UnitOfficer]),
        ]);
        Features.Rota.RotaModule.AddServices(services); // duty rota: permissions and the weekly reminder job
        Features.Notices.NoticesModule.AddServices(services); // monthly public notice: permissions and the job on the 20th
        Features.Receptions.ReceptionModule.AddServices(services); // reception events: permissions
        Features.PublicOpinions.OpinionRateLimits.Add(services, configuration);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => StationsEndpoints.Map(endpoints);
}
