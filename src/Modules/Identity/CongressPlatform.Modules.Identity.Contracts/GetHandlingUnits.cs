using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Contracts;

/// <summary>
/// The handling units the caller's tenant scope sees (its own, its subtree's for a supervisor), by name: for a module's
/// referral picker and to check a referral's unit. Inactive ones only when asked. With <paramref name="IncludeSuperiors"/>
/// also the units of the tenants above the active one (a street's supervising district: 区住建局 and the like), marked
/// <see cref="HandlingUnitSummaryDto.Superior"/> — for referring to them, never for reading their data.
/// </summary>
[NoPermissionRequired("Sent by modules whose own endpoint already required a permission; the tenant filters decide what is seen")]
public sealed record GetHandlingUnitsQuery(bool IncludeInactive = false, bool IncludeSuperiors = false) : IQuery<IReadOnlyList<HandlingUnitSummaryDto>>;

public sealed record HandlingUnitSummaryDto(Guid Id, Guid TenantId, string TenantName, string Name, bool IsActive, bool Superior);

/// <summary>The handling units the signed-in user is an officer of (empty for anyone else).</summary>
[NoPermissionRequired("Sent by modules for the signed-in user's own 'assigned to me' views")]
public sealed record GetMyHandlingUnitIdsQuery : IQuery<IReadOnlyList<Guid>>;
