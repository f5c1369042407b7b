using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CongressPlatform.Modules.Identity.Oidc;

/// <summary>The token endpoint's grants and revocation (IDENTITY.md rules 6–8).</summary>
internal sealed class TokenService(
    IdentityDbContext db, TokenFactory tokens, TenantAccess access, SsoSessions sessions, TimeProvider clock, IOptions<ProviderOptions> options,
    IIdentityAudit audit)
{
    private TokenLifetimes Lifetimes => options.Value.Tokens;

    public async Task<IResult> RedeemCodeAsync(string issuer, OidcClient client, string? code, string? redirectUri, string? verifier, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 200)
        {
            return ProviderEndpoints.OAuthError("invalid_request", "code is required");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = ProviderCrypto.Hash(code);
        var grant = await db.Set<AuthorizationCode>().AsNoTracking().SingleOrDefaultAsync(c => c.CodeHash == hash, cancellationToken);
        if (grant is null)
        {
            return InvalidGrant("the code is not valid");
        }
        // Burn the code first, atomically: of two redemptions racing, exactly one wins.
        var won = await db.Set<AuthorizationCode>()
            .Where(c => c.Id == grant.Id && c.RedeemedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RedeemedAtUtc, now), cancellationToken) == 1;
        if (!won)
        {
            // A second redemption: whoever holds the code is not to be trusted, so neither is the first redemption (RFC 6749 §4.1.2).
            var familyId = await db.Set<AuthorizationCode>().Where(c => c.Id == grant.Id).Select(c => c.FamilyId).SingleAsync(cancellationToken);
            if (familyId is { } family)
            {
                await RevokeFamilyAsync(family, now, cancellationToken);
            }
            await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.TokenReuseDetected, false, grant.UserId, TenantId: grant.TenantId,
                ClientId: client.ClientId, Detail: "authorization code presented twice; tokens of the first redemption revoked"), cancellationToken);
            return InvalidGrant("the code has already been used");
        }
        if (grant.ExpiresAtUtc <= now)
        {
            return InvalidGrant("the code has expired");
        }
        if (grant.ClientId != client.ClientId)
        {
            return InvalidGrant("the code was issued to another client");
        }
        if (!string.Equals(grant.RedirectUri, redirectUri, StringComparison.Ordinal))
        {
            return InvalidGrant("redirect_uri does not match the authorization request");
        }
        if (!ProviderCrypto.VerifierMatches(verifier, grant.CodeChallenge))
        {
            return InvalidGrant("code_verifier does not match the code challenge");
        }
        var session = await db.Set<SsoSession>().SingleOrDefaultAsync(s => s.Id == grant.SessionId, cancellationToken);
        if (session is null || !sessions.IsActive(session))
        {
            return InvalidGrant("the sign-in session has ended");
        }
        var subject = await SubjectAsync(grant.UserId, grant.SessionId, client.ClientId, grant.Scope, grant.TenantId, grant.AuthenticatedAtUtc, grant.Methods, cancellationToken);
        if (subject is null)
        {
            return InvalidGrant("the account or its seat in the organisation is no longer valid");
        }
        string? refresh = null;
        Guid? family2 = null;
        if (grant.Scope.Split(' ').Contains("offline_access"))
        {
            refresh = ProviderCrypto.NewHandle();
            var token = RefreshToken.StartFamily(ProviderCrypto.Hash(refresh), client.ClientId, grant.UserId, grant.SessionId, grant.TenantId, grant.Scope,
                grant.AuthenticatedAtUtc, grant.Methods, now, TimeSpan.FromSeconds(Lifetimes.RefreshIdleSeconds), TimeSpan.FromSeconds(Lifetimes.RefreshAbsoluteSeconds));
            db.Add(token);
            family2 = token.FamilyId;
        }
        await db.Set<AuthorizationCode>().Where(c => c.Id == grant.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FamilyId, family2), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.TokenIssued, true, subject.UserId, subject.UserName, TenantId: subject.TenantId,
            ClientId: client.ClientId, Detail: $"scope {subject.Scope}"), cancellationToken);
        return await IssueAsync(issuer, subject, grant.Nonce, refresh, cancellationToken);
    }

    public async Task<IResult> RefreshAsync(HttpContext context, string issuer, OidcClient client, string? presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 200)
        {
            return ProviderEndpoints.OAuthError("invalid_request", "refresh_token is required");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = ProviderCrypto.Hash(presented);
        var token = await db.Set<RefreshToken>().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || token.ClientId != client.ClientId)
        {
            return InvalidGrant("the refresh token is not valid");
        }
        if (token.RevokedAtUtc is not null)
        {
            return InvalidGrant("the refresh token has been revoked");
        }
        if (token.RotatedAtUtc is { } rotated && now - rotated > TimeSpan.FromSeconds(Lifetimes.RefreshReuseGraceSeconds))
        {
            // Used before, and not by a sibling tab a moment ago: treat the family as stolen.
            await RevokeFamilyAsync(token.FamilyId, now, cancellationToken);
            await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.TokenReuseDetected, false, token.UserId, TenantId: token.TenantId,
                ClientId: client.ClientId, Detail: "rotated refresh token presented again; family revoked"), cancellationToken);
            return InvalidGrant("the refresh token has already been used");
        }
        if (token.ExpiresAtUtc <= now || token.FamilyExpiresAtUtc <= now)
        {
            return InvalidGrant("the refresh token has expired");
        }
        var session = await db.Set<SsoSession>().SingleOrDefaultAsync(s => s.Id == token.SessionId, cancellationToken);
        if (session is null || !sessions.IsActive(session))
        {
            await RevokeFamilyAsync(token.FamilyId, now, cancellationToken);
            return InvalidGrant("the sign-in session has ended");
        }
        var scope = token.Scope;
        if (context.Request.Form["scope"].ToString() is { Length: > 0 } narrowed)
        {
            var asked = narrowed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (asked.Except(token.Scope.Split(' ')).Any())
            {
                return ProviderEndpoints.OAuthError("invalid_scope", "a refresh cannot widen the scope");
            }
            scope = string.Join(' ', asked);
        }
        var subject = await SubjectAsync(token.UserId, token.SessionId, client.ClientId, scope, token.TenantId, token.AuthenticatedAtUtc, token.Methods, cancellationToken);
        if (subject is null)
        {
            await RevokeFamilyAsync(token.FamilyId, now, cancellationToken);
            return InvalidGrant("the account or its seat in the organisation is no longer valid");
        }
        var next = ProviderCrypto.NewHandle();
        db.Add(token.Rotate(ProviderCrypto.Hash(next), now, TimeSpan.FromSeconds(Lifetimes.RefreshIdleSeconds)));
        // Using the application keeps the single sign-on session alive.
        session.Touch(now);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.TokenRefreshed, true, subject.UserId, subject.UserName, TenantId: subject.TenantId,
            ClientId: client.ClientId), cancellationToken);
        return await IssueAsync(issuer, subject, null, next, cancellationToken);
    }

    /// <summary>RFC 7009: a refresh token of this client ends with its family; anything else is silently ignored.</summary>
    public async Task RevokeAsync(OidcClient client, string presented, CancellationToken cancellationToken)
    {
        var hash = ProviderCrypto.Hash(presented);
        var token = await db.Set<RefreshToken>().AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is not null && token.ClientId == client.ClientId)
        {
            await RevokeFamilyAsync(token.FamilyId, clock.GetUtcNow().UtcDateTime, cancellationToken);
            await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.TokenRevoked, true, token.UserId, TenantId: token.TenantId,
                ClientId: client.ClientId, Detail: "refresh token family revoked by the client"), cancellationToken);
        }
    }

    private async Task RevokeFamilyAsync(Guid familyId, DateTime now, CancellationToken cancellationToken) =>
        await db.Set<RefreshToken>().Where(t => t.FamilyId == familyId && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now), cancellationToken);

    private async Task<TokenSubject?> SubjectAsync(
        Guid userId, Guid sessionId, string clientId, string scope, Guid tenantId, DateTime authenticatedAtUtc, string methods, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || !user.CanSignIn(ChinaTime.Today(clock)))
        {
            return null;
        }
        var grant = await access.ResolveAsync(userId, tenantId.ToString(), cancellationToken);
        if (grant is null)
        {
            return null;
        }
        return new TokenSubject(user.Id, user.UserName, user.DisplayName, sessionId, clientId, scope, tenantId, grant.Roles, authenticatedAtUtc,
            methods.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private async Task<IResult> IssueAsync(string issuer, TokenSubject subject, string? nonce, string? refresh, CancellationToken cancellationToken)
    {
        var (accessToken, expiresIn) = await tokens.CreateAccessTokenAsync(issuer, subject, cancellationToken);
        var body = new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = expiresIn,
            ["scope"] = subject.Scope,
        };
        if (subject.Scope.Split(' ').Contains("openid"))
        {
            body["id_token"] = await tokens.CreateIdTokenAsync(issuer, subject, nonce, accessToken, cancellationToken);
        }
        if (refresh is not null)
        {
            body["refresh_token"] = refresh;
        }
        return Results.Json(body);
    }

    private static IResult InvalidGrant(string description) => ProviderEndpoints.OAuthError("invalid_grant", description);
}
