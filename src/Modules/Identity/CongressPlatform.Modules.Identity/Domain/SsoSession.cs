using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Domain;

/// <summary>
/// A person's single sign-on session at the provider (the <c>sid</c> of their tokens). Ends on
/// sign-out, after the idle or absolute limit, on password change, account disable and when an
/// administrator ends the person's sessions; its refresh tokens end with it, and the API refuses
/// access tokens of an ended session.
/// </summary>
internal sealed class SsoSession : Entity
{
    private SsoSession()
    {
    }

    public Guid UserId { get; private set; }

    /// <summary>When the person last proved who they are (the ID token's <c>auth_time</c>).</summary>
    public DateTime AuthenticatedAtUtc { get; private set; }

    /// <summary>Authentication methods, space-separated (<c>pwd</c>, <c>otp</c>, <c>mfa</c>).</summary>
    public string Methods { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime LastSeenAtUtc { get; private set; }
    public DateTime? EndedAtUtc { get; private set; }
    public string? EndReason { get; private set; }

    public IReadOnlyList<string> MethodList => Methods.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static SsoSession Start(Guid userId, IEnumerable<string> methods, DateTime nowUtc) => new()
    {
        UserId = userId,
        Methods = string.Join(' ', methods),
        AuthenticatedAtUtc = nowUtc,
        CreatedAtUtc = nowUtc,
        LastSeenAtUtc = nowUtc,
    };

    public bool IsActive(DateTime nowUtc, TimeSpan idle, TimeSpan absolute) =>
        EndedAtUtc is null && nowUtc - LastSeenAtUtc <= idle && nowUtc - CreatedAtUtc <= absolute;

    /// <summary>Use keeps the session alive; written at most once a minute.</summary>
    public bool Touch(DateTime nowUtc)
    {
        if (nowUtc - LastSeenAtUtc < TimeSpan.FromMinutes(1))
        {
            return false;
        }
        LastSeenAtUtc = nowUtc;
        return true;
    }

    public void End(string reason, DateTime nowUtc)
    {
        if (EndedAtUtc is not null)
        {
            return;
        }
        EndedAtUtc = nowUtc;
        EndReason = reason;
    }
}
