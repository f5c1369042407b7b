using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Domain;

/// <summary>
/// An RSA signing key of the provider, shared by every node through the database. The private
/// part is stored protected by Data Protection (itself encrypted at rest). A key is published
/// (JWKS) from creation, signs from <see cref="ActivatesAtUtc"/> until <see cref="RetiresAtUtc"/>,
/// and stays published until every token it signed has expired (<see cref="ExpiresAtUtc"/>).
/// </summary>
internal sealed class SigningKey : Entity
{
    private SigningKey()
    {
    }

    public string KeyId { get; private set; } = string.Empty;
    public string Algorithm { get; private set; } = "RS256";

    /// <summary>The public key as a JWK (JSON).</summary>
    public string PublicJwk { get; private set; } = string.Empty;

    /// <summary>The PKCS#8 private key, protected by Data Protection (base64).</summary>
    public string ProtectedPrivateKey { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime ActivatesAtUtc { get; private set; }
    public DateTime? RetiresAtUtc { get; private set; }
    public DateTime? ExpiresAtUtc { get; private set; }

    public static SigningKey Create(string keyId, string publicJwk, string protectedPrivateKey, DateTime nowUtc, DateTime activatesAtUtc) => new()
    {
        KeyId = keyId,
        PublicJwk = publicJwk,
        ProtectedPrivateKey = protectedPrivateKey,
        CreatedAtUtc = nowUtc,
        ActivatesAtUtc = activatesAtUtc,
    };

    public bool Signs(DateTime nowUtc) => ActivatesAtUtc <= nowUtc && (RetiresAtUtc is null || nowUtc < RetiresAtUtc);

    public bool IsPublished(DateTime nowUtc) => ExpiresAtUtc is null || nowUtc < ExpiresAtUtc;

    /// <summary>Stops signing at <paramref name="retiresAtUtc"/>; unpublished once its last token has expired.</summary>
    public void Retire(DateTime retiresAtUtc, TimeSpan longestTokenLifetime)
    {
        RetiresAtUtc = retiresAtUtc;
        ExpiresAtUtc = retiresAtUtc + longestTokenLifetime;
    }
}
