namespace CongressPlatform.Modules.Identity.Contracts;

/// <summary>
/// What the identity audit log records (IDENTITY.md, security baseline): each kind is
/// <c>subject.event</c>, lower-case. The list is closed: the audit refuses a kind not named here,
/// and the audit API filters by these names.
/// </summary>
public static class IdentityAuditKinds
{
    public const string SignInSucceeded = "sign_in.succeeded";
    public const string SignInFailed = "sign_in.failed";
    public const string AccountLockedOut = "account.locked_out";
    public const string TwoFactorSucceeded = "two_factor.succeeded";
    public const string TwoFactorFailed = "two_factor.failed";
    public const string AuthenticatorEnrolled = "authenticator.enrolled";
    public const string PasswordChanged = "password.changed";
    public const string PasswordReset = "password.reset";
    public const string TokenIssued = "token.issued";
    public const string TokenRefreshed = "token.refreshed";
    public const string TokenReuseDetected = "token.reuse_detected";
    public const string TokenRevoked = "token.revoked";
    public const string SessionEnded = "session.ended";
    public const string TenantSwitched = "tenant.switched";
    public const string SupervisionEntered = "supervision.entered";
    public const string MembershipChanged = "membership.changed";
    public const string MembershipRemoved = "membership.removed";
    public const string AccountCreated = "account.created";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string AccountUnlocked = "account.unlocked";
    public const string ClientRegistered = "client.registered";
    public const string SigningKeyRotated = "signing_key.rotated";
    public const string PersonalDataRevealed = "personal_data.revealed";
    public const string Export = "export";

    /// <summary>Every kind, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SignInSucceeded, SignInFailed, AccountLockedOut, TwoFactorSucceeded, TwoFactorFailed, AuthenticatorEnrolled,
        PasswordChanged, PasswordReset, TokenIssued, TokenRefreshed, TokenReuseDetected, TokenRevoked, SessionEnded,
        TenantSwitched, SupervisionEntered, MembershipChanged, MembershipRemoved, AccountCreated, AccountDisabled,
        AccountEnabled, AccountUnlocked, ClientRegistered, SigningKeyRotated, PersonalDataRevealed, Export,
    ];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);
}
