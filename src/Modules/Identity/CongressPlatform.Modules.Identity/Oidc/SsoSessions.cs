using System.Security.Claims;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CongressPlatform.Modules.Identity.Oidc;

/// <summary>The provider's cookies: the SSO session, and the half-way state between password and second factor.</summary>
internal static class SsoCookies
{
    /// <summary>The single sign-on session (claims <c>sub</c> and <c>sid</c>; the rest is in the database).</summary>
    public const string Session = "congress.sso";

    /// <summary>Password accepted, second factor, enrolment or password change still due (five minutes).</summary>
    public const string Pending = "congress.pending";

    public const string SessionIdClaim = "sid";
    public const string MethodsClaim = "amr";
}

/// <summary>Starts, finds and ends SSO sessions; ending one revokes its refresh tokens.</summary>
internal sealed class SsoSessions(IdentityDbContext db, TimeProvider clock, IOptions<ProviderOptions> options)
{
    private TimeSpan Idle => TimeSpan.FromMinutes(options.Value.Session.IdleMinutes);

    private TimeSpan Absolute => TimeSpan.FromHours(options.Value.Session.AbsoluteHours);

    public async Task<SsoSession> StartAsync(HttpContext context, UserAccount user, IReadOnlyList<string> methods, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A new sign-in in this browser replaces the session it had.
        if (await FindAsync(context, cancellationToken) is { } previous)
        {
            await EndAsync(previous, "replaced", cancellationToken);
        }
        var session = SsoSession.Start(user.Id, methods, now);
        db.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimNames.Subject, user.Id.ToString()), new Claim(SsoCookies.SessionIdClaim, session.Id.ToString())],
            SsoCookies.Session, ClaimNames.Subject, ClaimNames.Role);
        await context.SignInAsync(SsoCookies.Session, new ClaimsPrincipal(identity), new AuthenticationProperties
        {
            IsPersistent = false,
            IssuedUtc = now,
            ExpiresUtc = now + Absolute,
        });
        return session;
    }

    /// <summary>The browser's live session, or null (no cookie, ended, idle or too old).</summary>
    public async Task<SsoSession?> FindAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var result = await context.AuthenticateAsync(SsoCookies.Session);
        if (!result.Succeeded || !Guid.TryParse(result.Principal.FindFirstValue(SsoCookies.SessionIdClaim), out var id))
        {
            return null;
        }
        var session = await db.Set<SsoSession>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (session is null || !session.IsActive(now, Idle, Absolute))
        {
            if (session is { EndedAtUtc: null })
            {
                await EndAsync(session, "expired", cancellationToken);
            }
            return null;
        }
        if (session.Touch(now))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return session;
    }

    public bool IsActive(SsoSession session) => session.IsActive(clock.GetUtcNow().UtcDateTime, Idle, Absolute);

    public async Task EndAsync(SsoSession session, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        session.End(reason, now);
        foreach (var token in await db.Set<RefreshToken>().Where(t => t.SessionId == session.Id && t.RevokedAtUtc == null).ToListAsync(cancellationToken))
        {
            token.Revoke(now);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every session and refresh token of a person (password change, disable, administrator).</summary>
    public async Task<int> EndAllAsync(Guid userId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db.Set<SsoSession>().Where(s => s.UserId == userId && s.EndedAtUtc == null).ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            session.End(reason, now);
        }
        foreach (var token in await db.Set<RefreshToken>().Where(t => t.UserId == userId && t.RevokedAtUtc == null).ToListAsync(cancellationToken))
        {
            token.Revoke(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return sessions.Count;
    }

    public static void ConfigureCookie(CookieAuthenticationOptions o, string name, TimeSpan lifetime)
    {
        o.Cookie.Name = name;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Cookie.Path = "/";
        o.ExpireTimeSpan = lifetime;
        o.SlidingExpiration = false;
        o.LoginPath = "/account/login";
        o.AccessDeniedPath = "/account/error";
    }
}
