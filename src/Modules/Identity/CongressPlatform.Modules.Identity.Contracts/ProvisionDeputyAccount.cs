using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Contracts;

/// <summary>
/// Opens (or finds) a deputy's sign-in account and gives it the <c>deputy</c> role in each of <see cref="TenantIds"/>
/// (the tenants of the deputy's seats). Idempotent: an account already linked (<see cref="UserId"/>) or holding the mobile
/// is reused, memberships that already carry the role are left alone. The account's user name is the mobile number; a new
/// account gets a temporary password, returned once, to be changed at the first sign-in. Tenants must be in the caller's
/// scope (the Deputies module's invite is authorised by <c>deputies.deputies.invite</c>).
/// </summary>
[NoPermissionRequired("Sent by the Deputies module's invite and add-seat use cases, which authorise their own entry point (deputies.deputies.invite / update)")]
public sealed record ProvisionDeputyAccountCommand(string Name, string Mobile, string? Email, IReadOnlyList<Guid> TenantIds, Guid? UserId = null)
    : ICommand<ProvisionedDeputyAccountDto>;

/// <param name="Created">True when the account was opened now (then <see cref="TemporaryPassword"/> is set, this once).</param>
/// <param name="MembershipsAdded">Tenants where the deputy role was granted now.</param>
/// <param name="IsActive">False when the existing account is disabled: the deputy cannot sign in until an administrator enables it.</param>
public sealed record ProvisionedDeputyAccountDto(
    Guid UserId, string UserName, bool Created, string? TemporaryPassword, IReadOnlyList<Guid> MembershipsAdded, bool IsActive);
