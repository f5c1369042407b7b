using System.Reflection;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Deputies.Points;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CongressPlatform.Modules.Deputies;

/// <summary>Deputies: registry, groups, the duty archive and duty points.</summary>
public sealed class DeputiesModule : IModule
{
    public string Name => "deputies";

    public Assembly Assembly => typeof(DeputiesModule).Assembly;

    public Assembly ContractsAssembly => typeof(DeputiesPermissions).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<DeputiesDbContext>();
        services.AddScoped<IDutyPoints, DutyPointsCalculator>();
        services.AddPermissions(
        [
            new(DeputiesPermissions.PointsPoliciesRead, "查看履职积分办法", "View duty-points policies",
                [Roles.SystemAdmin, Roles.TenantAdmin, Roles.Supervisor, Roles.Leader, Roles.Staff, Roles.Deputy]),
            new(DeputiesPermissions.PointsPoliciesUpdate, "修改履职积分办法", "Edit duty-points policies", [Roles.TenantAdmin, Roles.Leader]),
        ]);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => DeputiesEndpoints.Map(endpoints);
}
