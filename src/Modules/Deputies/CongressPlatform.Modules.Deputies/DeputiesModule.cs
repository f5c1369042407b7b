using System.Reflection;
using CongressPlatform.BuildingBlocks.Attachments;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Deputies.Points;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
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

        // ----- Registry (deputies-reg) -----
        services.AddPermissions(
        [
            new(DeputiesPermissions.DeputiesRead, "查看代表名册", "View the deputies registry",
                [Roles.TenantAdmin, Roles.Supervisor, Roles.Leader, Roles.Staff]),
            new(DeputiesPermissions.DeputiesCreate, "登记代表", "Register deputies", [Roles.TenantAdmin, Roles.Staff]),
            new(DeputiesPermissions.DeputiesUpdate, "修改代表信息、席位和公开授权", "Edit deputies, seats and publishing consent", [Roles.TenantAdmin, Roles.Staff]),
            new(DeputiesPermissions.DeputiesImport, "导入代表名册", "Import the deputies registry", [Roles.TenantAdmin, Roles.Staff]),
            new(DeputiesPermissions.DeputiesInvite, "邀请代表开通账号", "Invite deputies (open their sign-in)", [Roles.TenantAdmin, Roles.Staff]),
            new(DeputiesPermissions.DeputiesRevealContact, "查看代表完整联系方式(留痕)", "Reveal a deputy's full contact details (audited)",
                [Roles.TenantAdmin, Roles.Staff]),
        ]);
        services.AddExportSource<Features.ExportDeputies.DeputiesExportSource>();
        services.AddAttachmentOwner<DeputiesDbContext>(Name, Features.SetDeputyPhoto.SetDeputyPhotoCommandHandler.OwnerType,
            DeputiesPermissions.DeputiesRead, DeputiesPermissions.DeputiesUpdate,
            (db, id, ct) => db.Seats.AsNoTracking().Where(s => s.DeputyId == id).OrderBy(s => s.Status).ThenBy(s => s.Id)
                .Select(s => (Guid?)s.TenantId).FirstOrDefaultAsync(ct));
        services.AddSingleton<IStartupTask, DemoData.DeputiesDemoData>();
        // ----- end registry -----
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => DeputiesEndpoints.Map(endpoints);
}
