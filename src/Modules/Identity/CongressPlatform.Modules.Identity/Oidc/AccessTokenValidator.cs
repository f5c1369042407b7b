using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CongressPlatform.Modules.Identity.Oidc;

/// <summary>
/// Validates our access tokens (IDENTITY.md rule 11): <c>typ: at+jwt</c> only, our issuer, our
/// audience, RS256 with a key of our JWKS, a minute of clock skew; tokens that name their own key
/// (<c>jku</c>, <c>x5u</c>, <c>jwk</c>, <c>x5c</c>) or an unknown <c>kid</c> are refused.
/// </summary>
internal sealed class AccessTokenValidator(SigningKeyStore keys)
{
    private static readonly string[] ForbiddenHeaders = ["jku", "x5u", "jwk", "x5c"];
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<ClaimsIdentity?> ValidateAsync(string token, string issuer, CancellationToken cancellationToken)
    {
        if (token.Length > 8192 || !Handler.CanReadToken(token))
        {
            return null;
        }
        JsonWebToken jwt;
        try
        {
            jwt = Handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
        if (ForbiddenHeaders.Any(h => jwt.TryGetHeaderValue<object>(h, out _)) || jwt.Alg != SecurityAlgorithms.RsaSha256)
        {
            return null;
        }
        var key = await keys.FindValidationKeyAsync(jwt.Kid, cancellationToken);
        if (key is null)
        {
            return null;
        }
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = TokenFactory.Audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidTypes = ["at+jwt"],
            ClockSkew = TimeSpan.FromMinutes(1),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            NameClaimType = "name",
            RoleClaimType = "role",
        });
        return result.IsValid ? result.ClaimsIdentity : null;
    }

    /// <summary>An ID token hint for sign-out: our signature and issuer, the client as audience; expiry is not checked (OIDC RP-Initiated Logout §2).</summary>
    public async Task<JsonWebToken?> ValidateIdTokenHintAsync(string? token, string issuer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 8192 || !Handler.CanReadToken(token))
        {
            return null;
        }
        JsonWebToken jwt;
        try
        {
            jwt = Handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
        if (ForbiddenHeaders.Any(h => jwt.TryGetHeaderValue<object>(h, out _)) || jwt.Alg != SecurityAlgorithms.RsaSha256 || jwt.Typ == "at+jwt")
        {
            return null;
        }
        var key = await keys.FindValidationKeyAsync(jwt.Kid, cancellationToken);
        if (key is null)
        {
            return null;
        }
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
        });
        return result.IsValid ? jwt : null;
    }
}
