namespace CongressPlatform.Modules.Identity.Oidc;

/// <summary><c>Identity:*</c> — the OpenID provider's settings (IDENTITY.md). Every lifetime is in seconds.</summary>
internal sealed class ProviderOptions
{
    public const string Section = "Identity";

    /// <summary>The issuer, byte-identical everywhere. Empty: the request's own origin and path base (development).</summary>
    public string? Issuer { get; set; }

    public TokenLifetimes Tokens { get; set; } = new();

    public SessionOptions Session { get; set; } = new();

    public SigningKeyOptions SigningKeys { get; set; } = new();

    /// <summary>
    /// The seeded public client of the web client (<c>congress-spa</c>). When no address is configured,
    /// the run command's (<c>http://localhost:5080</c>) and Vite's dev server's (<c>http://localhost:5173</c>).
    /// </summary>
    public ClientSettings Spa { get; set; } = new();

    /// <summary>
    /// How long the API trusts its last look at an access token's account, session and seat (seconds).
    /// A removed membership, a disabled account or an ended session takes effect within this time.
    /// </summary>
    public int AccessCheckSeconds { get; set; } = 10;

    /// <summary>Further clients seeded from configuration (confidential when a secret is given).</summary>
    public List<ClientSettings> Clients { get; set; } = [];

    /// <summary>Fills the SPA's addresses when configuration gives none (lists bind by appending, so defaults cannot live in the initialiser).</summary>
    public void ApplyDefaults()
    {
        if (Spa.RedirectUris.Count == 0)
        {
            Spa.RedirectUris.AddRange(["http://localhost:5080/auth/callback", "http://localhost:5173/auth/callback"]);
        }
        if (Spa.PostLogoutRedirectUris.Count == 0)
        {
            Spa.PostLogoutRedirectUris.AddRange(["http://localhost:5080/", "http://localhost:5173/"]);
        }
        if (Spa.Origins.Count == 0)
        {
            Spa.Origins.AddRange(["http://localhost:5080", "http://localhost:5173"]);
        }
    }
}

internal sealed class TokenLifetimes
{
    public int AuthorizationCodeSeconds { get; set; } = 60;
    public int AccessTokenSeconds { get; set; } = 600;
    public int IdTokenSeconds { get; set; } = 300;

    /// <summary>A refresh token unused this long expires (30 minutes).</summary>
    public int RefreshIdleSeconds { get; set; } = 1800;

    /// <summary>A refresh-token family ends this long after sign-in whatever its use (a working day).</summary>
    public int RefreshAbsoluteSeconds { get; set; } = 36000;

    /// <summary>
    /// Two tabs refreshing at once: a rotated refresh token presented again within this many seconds
    /// gets a fresh pair in the same family instead of being treated as stolen.
    /// </summary>
    public int RefreshReuseGraceSeconds { get; set; } = 30;
}

internal sealed class SessionOptions
{
    /// <summary>The SSO session ends after this long without use.</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>The SSO session ends this long after sign-in.</summary>
    public int AbsoluteHours { get; set; } = 10;
}

internal sealed class SigningKeyOptions
{
    /// <summary>A signing key signs for this many days before the next one takes over.</summary>
    public int RotationDays { get; set; } = 30;

    /// <summary>A new key is published this long before it signs, so that every verifier knows it first.</summary>
    public int PublishAheadMinutes { get; set; } = 60;
}

internal sealed class ClientSettings
{
    public string ClientId { get; set; } = string.Empty;
    public string? DisplayName { get; set; }

    /// <summary>Given: a confidential client (the secret is stored hashed). Absent: public, PKCE only.</summary>
    public string? Secret { get; set; }

    public List<string> RedirectUris { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
    public List<string> Origins { get; set; } = [];
}
