using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CongressPlatform.Modules.Identity.Oidc;

/// <summary>What a token is about: the person, their session, the client and the active tenant.</summary>
internal sealed record TokenSubject(
    Guid UserId, string UserName, string DisplayName, Guid SessionId, string ClientId, string Scope,
    Guid TenantId, IReadOnlyList<string> Roles, DateTime AuthenticatedAtUtc, IReadOnlyList<string> Methods);

/// <summary>Signs access tokens (RFC 9068, <c>typ: at+jwt</c>) and ID tokens with the current signing key.</summary>
internal sealed class TokenFactory(SigningKeyStore keys, TimeProvider clock, IOptions<ProviderOptions> options)
{
    public const string Audience = "congress-api";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The issuer: configured, or this request's origin and path base. Byte-identical wherever it appears.</summary>
    public string Issuer(HttpContext context) => IssuerOf(context, options.Value);

    public static string IssuerOf(HttpContext context, ProviderOptions options) =>
        !string.IsNullOrWhiteSpace(options.Issuer)
            ? options.Issuer.TrimEnd('/')
            : $"{context.Request.Scheme}://{context.Request.Host.Value}{context.Request.PathBase.Value}".TrimEnd('/');

    public async Task<(string Token, int ExpiresIn)> CreateAccessTokenAsync(string issuer, TokenSubject subject, CancellationToken cancellationToken)
    {
        var lifetime = options.Value.Tokens.AccessTokenSeconds;
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject.UserId.ToString(),
            ["client_id"] = subject.ClientId,
            ["scope"] = subject.Scope,
            ["tid"] = subject.TenantId.ToString(),
            ["role"] = subject.Roles.ToArray(),
            ["name"] = subject.DisplayName,
            ["sid"] = subject.SessionId.ToString(),
            ["auth_time"] = EpochTime.GetIntDate(subject.AuthenticatedAtUtc),
            ["amr"] = subject.Methods.ToArray(),
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddSeconds(lifetime),
            TokenType = "at+jwt",
            Claims = claims,
            SigningCredentials = await keys.GetSigningCredentialsAsync(cancellationToken),
        };
        return (Handler.CreateToken(descriptor), lifetime);
    }

    public async Task<string> CreateIdTokenAsync(string issuer, TokenSubject subject, string? nonce, string accessToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject.UserId.ToString(),
            ["auth_time"] = EpochTime.GetIntDate(subject.AuthenticatedAtUtc),
            ["amr"] = subject.Methods.ToArray(),
            ["sid"] = subject.SessionId.ToString(),
            ["tid"] = subject.TenantId.ToString(),
            ["at_hash"] = AtHash(accessToken),
            ["azp"] = subject.ClientId,
        };
        var scopes = subject.Scope.Split(' ');
        if (scopes.Contains("profile"))
        {
            claims["name"] = subject.DisplayName;
            claims["preferred_username"] = subject.UserName;
        }
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = subject.ClientId,
            IssuedAt = now,
            Expires = now.AddSeconds(options.Value.Tokens.IdTokenSeconds),
            TokenType = "JWT",
            Claims = claims,
            SigningCredentials = await keys.GetSigningCredentialsAsync(cancellationToken),
        };
        return Handler.CreateToken(descriptor);
    }

    /// <summary>OIDC Core §3.1.3.6: the left half of the SHA-256 of the access token, base64url.</summary>
    private static string AtHash(string accessToken)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        return Base64UrlEncoder.Encode(hash.AsSpan(0, hash.Length / 2).ToArray());
    }
}
