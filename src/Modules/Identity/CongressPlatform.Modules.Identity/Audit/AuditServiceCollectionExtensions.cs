using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Identity.Audit;

internal static class AuditServiceCollectionExtensions
{
    /// <summary>The identity audit log: its writer and the audit administrator's permission to read it (三员分立).</summary>
    public static IServiceCollection AddIdentityAudit(this IServiceCollection services)
    {
        services.AddSingleton<IIdentityAudit, IdentityAudit>();
        services.AddPermissions(
        [
            new(IdentityPermissions.AuditRead, "查看身份审计日志", "View the identity audit log", [Roles.AuditAdmin]),
        ]);
        return services;
    }
}
