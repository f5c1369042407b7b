using System.Security.Claims;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CongressPlatform.Modules.Identity.Oidc;

/// <summary>What the database says of a validated access token: the account, its session, its seat.</summary>
internal sealed record AccessCheckResult(UserAccount User, TenantGrant Grant, Guid SessionId);

/// <summary>
/// Re-checks an access token against the database (IDENTITY.md: the API re-checks the membership):
/// the account may still sign in, the session has not ended, the seat in the token's tenant still
/// exists — and takes the roles from the database, not from the token. Cached for a few seconds per
/// (person, session, tenant), so that a removed membership or an ended session takes effect at once
/// in practice without a query per request.
/// </summary>
internal sealed class AccessCheck(IdentityDbContext db, TenantAccess access, IMemoryCache cache, TimeProvider clock, IOptions<ProviderOptions> options)
{
    public async Task<AccessCheckResult?> CheckAsync(ClaimsIdentity token, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(token.FindFirst("sub")?.Value, out var userId)
            || !Guid.TryParse(token.FindFirst("sid")?.Value, out var sessionId)
            || !Guid.TryParse(token.FindFirst("tid")?.Value, out var tenantId))
        {
            return null;
        }
        return await cache.GetOrCreateAsync(("access-check", userId, sessionId, tenantId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.AccessCheckSeconds);
            var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (user is null || !user.CanSignIn(ChinaTime.Today(clock)))
            {
                return null;
            }
            var session = await db.Set<SsoSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken);
            // The access token may outlive the session's idle limit by its own lifetime; ended sessions are refused.
            if (session is null || session.EndedAtUtc is not null
                || clock.GetUtcNow().UtcDateTime - session.CreatedAtUtc > TimeSpan.FromHours(options.Value.Session.AbsoluteHours))
            {
                return null;
            }
            var grant = await access.ResolveAsync(userId, tenantId.ToString(), cancellationToken);
            return grant is null ? null : new AccessCheckResult(user, grant, sessionId);
        });
    }
}
