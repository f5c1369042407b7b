using CongressPlatform.BuildingBlocks.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Identity.Audit;

internal static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Identity events go to the platform audit log (ADR 0019), read by the audit administrator there; the identity
    /// audit table kept before is copied into it at start.
    /// </summary>
    public static IServiceCollection AddIdentityAudit(this IServiceCollection services)
    {
        services.AddSingleton<IIdentityAudit, IdentityAudit>();
        services.AddSingleton<IStartupTask, IdentityAuditImport>();
        return services;
    }
}
