using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Contracts;

/// <summary>
/// The active accounts holding one of <paramref name="Roles"/> in the given tenant (their seat there), by display name:
/// for a module's account picker (a station's keeper). The caller has checked the tenant is in its scope.
/// </summary>
[NoPermissionRequired("Sent by modules whose own endpoint already required a permission and checked the tenant is in scope")]
public sealed record GetTenantRoleAccountsQuery(Guid TenantId, IReadOnlyList<string> Roles) : IQuery<IReadOnlyList<TenantRoleAccountDto>>;

public sealed record TenantRoleAccountDto(Guid UserId, string UserName, string DisplayName, IReadOnlyList<string> Roles);
