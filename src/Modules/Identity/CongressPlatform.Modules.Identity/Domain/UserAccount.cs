using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Domain;

public enum AccountStatus
{
    /// <summary>正常</summary>
    Active = 0,

    /// <summary>已停用(管理员停用,或代表任期届满)</summary>
    Disabled = 1,
}

/// <summary>
/// One person, one account, whatever the number of tenants they work in (一人一号). Signs in by
/// user name or mobile phone. The credentials and lockout fields are managed through ASP.NET Core
/// Identity's <c>UserManager</c> (see Accounts/UserAccountStore); rules about people live here.
/// </summary>
internal sealed class UserAccount : Entity, IVersioned
{
    private UserAccount()
    {
    }

    public string UserName { get; set; } = string.Empty;
    public string NormalizedUserName { get; set; } = string.Empty;
    public string DisplayName { get; private set; } = string.Empty;
    public string? PhoneNumber { get; set; }
    public bool PhoneNumberConfirmed { get; set; }
    public string? Email { get; set; }
    public string? NormalizedEmail { get; set; }
    public bool EmailConfirmed { get; set; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public AccountStatus Status { get; private set; }
    public DateTime? LockoutEndUtc { get; set; }
    public bool LockoutEnabled { get; set; } = true;
    public int AccessFailedCount { get; set; }
    public bool TwoFactorEnabled { get; set; }
    public string? AuthenticatorKey { get; set; }
    public string? RecoveryCodes { get; set; }

    /// <summary>Set on creation and by an administrator's reset: the next sign-in must choose a new password.</summary>
    public bool MustChangePassword { get; private set; } = true;

    public DateTime? PasswordChangedAtUtc { get; private set; }

    /// <summary>For deputies: the last day of their term (届); the account ends with it.</summary>
    public DateOnly? TermEndsOn { get; private set; }

    /// <summary>The last authenticator code accepted and when: the same code is never accepted twice (RFC 6238 §5.2).</summary>
    public string? LastTotpCode { get; private set; }

    public DateTime? LastTotpAtUtc { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public Guid Version { get; set; } = Guid.CreateVersion7();

    public static UserAccount Create(string userName, string displayName, string? phoneNumber, string? email, DateOnly? termEndsOn, DateTime nowUtc) => new()
    {
        UserName = userName.Trim(),
        DisplayName = displayName.Trim(),
        PhoneNumber = string.IsNullOrWhiteSpace(phoneNumber) ? null : phoneNumber.Trim(),
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
        TermEndsOn = termEndsOn,
        CreatedAtUtc = nowUtc,
    };

    public void UpdateProfile(string displayName, string? phoneNumber, string? email, DateOnly? termEndsOn)
    {
        DisplayName = displayName.Trim();
        PhoneNumber = string.IsNullOrWhiteSpace(phoneNumber) ? null : phoneNumber.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        TermEndsOn = termEndsOn;
    }

    /// <summary>Whether the person may sign in on <paramref name="today"/> (Beijing date).</summary>
    public bool CanSignIn(DateOnly today) => Status == AccountStatus.Active && (TermEndsOn is null || today <= TermEndsOn);

    public void Disable() => Status = AccountStatus.Disabled;

    public void Enable() => Status = AccountStatus.Active;

    /// <summary>Whether this code was already accepted within the window in which it could still be valid.</summary>
    public bool TotpAlreadyUsed(string code, DateTime nowUtc) =>
        LastTotpCode == code && LastTotpAtUtc is { } at && nowUtc - at < TimeSpan.FromMinutes(3);

    public void TotpAccepted(string code, DateTime nowUtc)
    {
        LastTotpCode = code;
        LastTotpAtUtc = nowUtc;
    }

    /// <summary>The person chose a new password themselves.</summary>
    public void PasswordChosen(DateTime nowUtc)
    {
        MustChangePassword = false;
        PasswordChangedAtUtc = nowUtc;
    }

    /// <summary>An administrator set a password: it works once, to choose a new one.</summary>
    public void PasswordReset(DateTime nowUtc)
    {
        MustChangePassword = true;
        PasswordChangedAtUtc = nowUtc;
    }
}
