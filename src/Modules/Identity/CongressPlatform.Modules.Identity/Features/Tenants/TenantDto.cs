using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Domain;

namespace CongressPlatform.Modules.Identity.Features.Tenants;

public sealed record TenantDto(
    Guid Id, string Code, string Name, TenantKind Kind, Guid? ParentId, string Path, int Depth, bool IsActive, Guid Version)
{
    internal static TenantDto From(Tenant t) => new(t.Id, t.Code, t.Name, t.Kind, t.ParentId, t.Path, t.Depth, t.IsActive, t.Version);
}
