using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Contracts;

/// <summary>
/// The active accounts holding a role, with the tenant of each seat that holds it (a person may hold it in two tenants:
/// two rows). For modules that write to the holders of a role (the system administrators told of a failed job).
/// </summary>
[NoPermissionRequired("Sent from code (a job's failure, a module's notice) that has authorised its own entry point")]
public sealed record GetRoleHoldersQuery(string Role) : IQuery<IReadOnlyList<RoleHolderDto>>;

public sealed record RoleHolderDto(Guid UserId, Guid TenantId);
