using CongressPlatform.BuildingBlocks.Tenancy;

namespace CongressPlatform.Modules.Identity.Audit;

internal static class AuditTenantExtensions
{
    /// <summary>The tenant an act happened in, for its audit entry: the active tenant; none outside a tenant or in a system scope.</summary>
    public static Guid? AuditTenantId(this ITenantContext scope) => scope is { IsResolved: true, IsSystem: false } ? scope.TenantId : null;
}
