using CongressPlatform.Modules.Identity.Domain;

namespace CongressPlatform.Modules.Identity.Features.HandlingUnits;

public sealed record HandlingUnitDto(
    Guid Id, Guid TenantId, string TenantName, string Name, HandlingUnitKind Kind,
    string? ContactName, string? ContactPhone, bool IsActive, Guid Version);
