using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Domain;

/// <summary>
/// One refresh token of a family (stored as a hash). Every use rotates it; a family is everything
/// descended from one code redemption, and presenting a rotated token after the reuse grace
/// revokes the whole family (RFC 9700 §4.14).
/// </summary>
internal sealed class RefreshToken : Entity
{
    private RefreshToken()
    {
    }

    public string TokenHash { get; private set; } = string.Empty;
    public Guid FamilyId { get; private set; }
    public string ClientId { get; private set; } = string.Empty;
    public Guid UserId { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid TenantId { get; private set; }
    public string Scope { get; private set; } = string.Empty;
    public DateTime AuthenticatedAtUtc { get; private set; }
    public string Methods { get; private set; } = string.Empty;
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Idle expiry of this token.</summary>
    public DateTime ExpiresAtUtc { get; private set; }

    /// <summary>Absolute expiry of the whole family.</summary>
    public DateTime FamilyExpiresAtUtc { get; private set; }

    public DateTime? RotatedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }

    public static RefreshToken StartFamily(
        string tokenHash, string clientId, Guid userId, Guid sessionId, Guid tenantId, string scope,
        DateTime authenticatedAtUtc, string methods, DateTime nowUtc, TimeSpan idle, TimeSpan absolute)
    {
        var token = new RefreshToken
        {
            TokenHash = tokenHash,
            ClientId = clientId,
            UserId = userId,
            SessionId = sessionId,
            TenantId = tenantId,
            Scope = scope,
            AuthenticatedAtUtc = authenticatedAtUtc,
            Methods = methods,
            CreatedAtUtc = nowUtc,
            FamilyExpiresAtUtc = nowUtc + absolute,
        };
        token.FamilyId = token.Id;
        token.ExpiresAtUtc = Min(nowUtc + idle, token.FamilyExpiresAtUtc);
        return token;
    }

    /// <summary>The successor of this token, same family, same grant; this one is marked rotated.</summary>
    public RefreshToken Rotate(string tokenHash, DateTime nowUtc, TimeSpan idle)
    {
        RotatedAtUtc ??= nowUtc;
        return new RefreshToken
        {
            TokenHash = tokenHash,
            FamilyId = FamilyId,
            ClientId = ClientId,
            UserId = UserId,
            SessionId = SessionId,
            TenantId = TenantId,
            Scope = Scope,
            AuthenticatedAtUtc = AuthenticatedAtUtc,
            Methods = Methods,
            CreatedAtUtc = nowUtc,
            FamilyExpiresAtUtc = FamilyExpiresAtUtc,
            ExpiresAtUtc = Min(nowUtc + idle, FamilyExpiresAtUtc),
        };
    }

    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
