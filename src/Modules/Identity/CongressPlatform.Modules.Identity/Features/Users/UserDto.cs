using CongressPlatform.Modules.Identity.Domain;

namespace CongressPlatform.Modules.Identity.Features.Users;

/// <summary>
/// An account as administrators see it. <c>PhoneNumber</c> is masked by the server (<c>138****1234</c>);
/// <c>Memberships</c> are only those visible in the caller's scope.
/// </summary>
public sealed record UserDto(
    Guid Id, string UserName, string DisplayName, string? PhoneNumber, string? Email, AccountStatus Status,
    DateOnly? TermEndsOn, bool MustChangePassword, bool IsLockedOut, bool TwoFactorEnabled, DateTime CreatedAtUtc, Guid Version,
    IReadOnlyList<UserMembershipDto> Memberships);

public sealed record UserMembershipDto(Guid TenantId, string TenantName, IReadOnlyList<string> Roles);

/// <summary>The answer to creating an account: the temporary password is shown this once and never again.</summary>
public sealed record CreatedUserDto(UserDto User, string TemporaryPassword);

/// <summary>The answer to a password reset: the temporary password is shown this once and never again.</summary>
public sealed record TemporaryPasswordDto(string TemporaryPassword);
