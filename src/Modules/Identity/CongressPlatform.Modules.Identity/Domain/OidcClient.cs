using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Domain;

/// <summary>
/// A relying party registered with our provider: the web client (public, PKCE only) or another
/// government system joining the single sign-on (confidential, with a hashed secret). No dynamic
/// registration: administrators register clients. Addresses are compared byte for byte.
/// </summary>
internal sealed class OidcClient : Entity, IVersioned
{
    private OidcClient()
    {
    }

    public string ClientId { get; private set; } = string.Empty;
    public string DisplayName { get; private set; } = string.Empty;

    /// <summary>PBKDF2 hash of the secret (confidential clients only).</summary>
    public string? SecretHash { get; private set; }

    /// <summary>Newline-separated exact addresses.</summary>
    public string RedirectUris { get; private set; } = string.Empty;

    public string PostLogoutRedirectUris { get; private set; } = string.Empty;

    /// <summary>Browser origins allowed to call the token, userinfo and revocation endpoints (CORS).</summary>
    public string AllowedOrigins { get; private set; } = string.Empty;

    public bool IsEnabled { get; private set; } = true;
    public DateTime CreatedAtUtc { get; private set; }
    public Guid Version { get; set; } = Guid.CreateVersion7();

    public bool IsConfidential => SecretHash is not null;

    public IReadOnlyList<string> RedirectUriList => Split(RedirectUris);

    public IReadOnlyList<string> PostLogoutRedirectUriList => Split(PostLogoutRedirectUris);

    public IReadOnlyList<string> OriginList => Split(AllowedOrigins);

    public static OidcClient Create(string clientId, string displayName, string? secretHash, DateTime nowUtc) => new()
    {
        ClientId = clientId,
        DisplayName = displayName,
        SecretHash = secretHash,
        CreatedAtUtc = nowUtc,
    };

    public void SetAddresses(IEnumerable<string> redirectUris, IEnumerable<string> postLogoutRedirectUris, IEnumerable<string> origins)
    {
        RedirectUris = Join(redirectUris);
        PostLogoutRedirectUris = Join(postLogoutRedirectUris);
        AllowedOrigins = Join(origins);
    }

    public void Rename(string displayName) => DisplayName = displayName;

    public void SetSecretHash(string? secretHash) => SecretHash = secretHash;

    public void Disable() => IsEnabled = false;

    public void Enable() => IsEnabled = true;

    /// <summary>Exact string comparison (IDENTITY.md rule 3): no prefix, case folding or normalisation.</summary>
    public bool HasRedirectUri(string? uri) => uri is not null && RedirectUriList.Contains(uri, StringComparer.Ordinal);

    public bool HasPostLogoutRedirectUri(string? uri) => uri is not null && PostLogoutRedirectUriList.Contains(uri, StringComparer.Ordinal);

    public bool AllowsOrigin(string? origin) => origin is not null && OriginList.Contains(origin, StringComparer.Ordinal);

    private static string Join(IEnumerable<string> values) =>
        string.Join('\n', values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal));

    private static string[] Split(string values) => values.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
