using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Domain;

/// <summary>
/// An authorization code (stored as a hash). Lives at most a minute, is redeemed once, by the client
/// and redirect address it was issued to, with the PKCE verifier of its challenge.
/// </summary>
internal sealed class AuthorizationCode : Entity
{
    private AuthorizationCode()
    {
    }

    public string CodeHash { get; private set; } = string.Empty;
    public string ClientId { get; private set; } = string.Empty;
    public string RedirectUri { get; private set; } = string.Empty;
    public Guid UserId { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid TenantId { get; private set; }
    public string Scope { get; private set; } = string.Empty;
    public string? Nonce { get; private set; }
    public string CodeChallenge { get; private set; } = string.Empty;
    public DateTime AuthenticatedAtUtc { get; private set; }
    public string Methods { get; private set; } = string.Empty;
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public DateTime? RedeemedAtUtc { get; private set; }

    /// <summary>The refresh-token family the redemption started, revoked if the code is ever presented again.</summary>
    public Guid? FamilyId { get; private set; }

    public static AuthorizationCode Issue(
        string codeHash, string clientId, string redirectUri, Guid userId, Guid sessionId, Guid tenantId, string scope,
        string? nonce, string codeChallenge, DateTime authenticatedAtUtc, string methods, DateTime nowUtc, TimeSpan lifetime) => new()
    {
        CodeHash = codeHash,
        ClientId = clientId,
        RedirectUri = redirectUri,
        UserId = userId,
        SessionId = sessionId,
        TenantId = tenantId,
        Scope = scope,
        Nonce = nonce,
        CodeChallenge = codeChallenge,
        AuthenticatedAtUtc = authenticatedAtUtc,
        Methods = methods,
        CreatedAtUtc = nowUtc,
        ExpiresAtUtc = nowUtc + lifetime,
    };

    public bool IsRedeemed => RedeemedAtUtc is not null;

    /// <summary>Burns the code: whatever happens next, it never works again.</summary>
    public void Redeem(DateTime nowUtc, Guid? familyId)
    {
        RedeemedAtUtc ??= nowUtc;
        FamilyId = familyId;
    }
}
