using System.Security.Claims;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Accounts;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CongressPlatform.Modules.Identity.Oidc;

/// <summary>Where the sign-in goes next.</summary>
internal enum SignInStep
{
    /// <summary>Refused: one message for every reason (no account enumeration).</summary>
    Failed,
    TwoFactor,
    EnrolAuthenticator,
    ChangePassword,
    SignedIn,
}

/// <summary>
/// The interactive sign-in: password (by user name or mobile phone), lockout, second factor for the
/// privileged roles (and for anyone who enrolled), forced password change, then the SSO session.
/// The steps between password and session are carried by a five-minute pending cookie.
/// </summary>
internal sealed class SignInFlow(
    IdentityDbContext db, UserManager<UserAccount> users, SsoSessions sessions, TimeProvider clock, IOptions<PasswordPolicyOptions> passwordPolicy,
    IIdentityAudit audit)
{
    /// <summary>Roles whose holders must use a second factor (IDENTITY.md: administrators and other privileged roles).</summary>
    public static readonly IReadOnlySet<string> PrivilegedRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        Roles.SystemAdmin, Roles.SecurityAdmin, Roles.AuditAdmin, Roles.TenantAdmin,
    };

    // Verified against when the account does not exist, so that unknown names cost the same time as wrong passwords.
    private static readonly string DummyHash = new PasswordHasher<UserAccount>().HashPassword(null!, "not-a-password-" + Guid.NewGuid());

    public async Task<(SignInStep Step, UserAccount? User)> PasswordAsync(HttpContext context, string? login, string? password, CancellationToken cancellationToken)
    {
        login = login?.Trim() ?? string.Empty;
        password ??= string.Empty;
        var user = await FindAsync(login, cancellationToken);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(null!, DummyHash, password);
            await FailedAsync(null, login, "unknown account", cancellationToken);
            return (SignInStep.Failed, null);
        }
        if (await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user, DummyHash, password);
            await FailedAsync(user, login, "locked out", cancellationToken);
            return (SignInStep.Failed, user);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            await FailedAsync(user, login, "wrong password", cancellationToken);
            if (await users.IsLockedOutAsync(user))
            {
                await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.AccountLockedOut, true, user.Id, user.UserName), cancellationToken);
            }
            return (SignInStep.Failed, user);
        }
        if (!user.CanSignIn(ChinaTime.Today(clock)))
        {
            await FailedAsync(user, login, "account disabled or term ended", cancellationToken);
            return (SignInStep.Failed, user);
        }
        await users.ResetAccessFailedCountAsync(user);
        return (await ContinueAsync(context, user, ["pwd"], cancellationToken), user);
    }

    private Task FailedAsync(UserAccount? user, string login, string why, CancellationToken cancellationToken) =>
        audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.SignInFailed, false, user?.Id, user?.UserName ?? login, Detail: why), cancellationToken);

    /// <summary>A second-factor attempt: audited, and a failure counts towards the lockout.</summary>
    public async Task<bool> VerifySecondFactorAsync(UserAccount user, string? code, CancellationToken cancellationToken)
    {
        code = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var valid = code.Length == 6 && !user.TotpAlreadyUsed(code, now)
            && await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code);
        await audit.RecordAsync(new IdentityAuditRecord(valid ? IdentityAuditKinds.TwoFactorSucceeded : IdentityAuditKinds.TwoFactorFailed, valid, user.Id, user.UserName), cancellationToken);
        if (valid)
        {
            user.TotpAccepted(code, now);
            await users.ResetAccessFailedCountAsync(user);
            // Saved before the code opens anything; of two racing uses, the version check lets one through.
            return (await users.UpdateAsync(user)).Succeeded;
        }
        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user))
        {
            await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.AccountLockedOut, true, user.Id, user.UserName), cancellationToken);
        }
        return false;
    }

    public async Task<bool> IsLockedOutAsync(UserAccount user) => await users.IsLockedOutAsync(user);

    /// <summary>After any step: the next one, or the session when none is left.</summary>
    public async Task<SignInStep> ContinueAsync(HttpContext context, UserAccount user, IReadOnlyList<string> methods, CancellationToken cancellationToken)
    {
        var step = await NextStepAsync(user, methods, cancellationToken);
        if (step == SignInStep.SignedIn)
        {
            await context.SignOutAsync(SsoCookies.Pending);
            var amr = methods.Contains("otp") ? methods.Append("mfa").ToList() : methods;
            var session = await sessions.StartAsync(context, user, amr, cancellationToken);
            await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.SignInSucceeded, true, user.Id, user.UserName,
                Detail: $"session {session.Id}; {string.Join(' ', amr)}"), cancellationToken);
        }
        else
        {
            var identity = new ClaimsIdentity(
                methods.Select(m => new Claim(SsoCookies.MethodsClaim, m)).Prepend(new Claim(ClaimNames.Subject, user.Id.ToString())),
                SsoCookies.Pending, ClaimNames.Subject, ClaimNames.Role);
            await context.SignInAsync(SsoCookies.Pending, new ClaimsPrincipal(identity));
        }
        return step;
    }

    /// <summary>The person half-way through signing in (password accepted), or null.</summary>
    public async Task<(UserAccount User, IReadOnlyList<string> Methods)?> PendingAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var result = await context.AuthenticateAsync(SsoCookies.Pending);
        if (!result.Succeeded || !Guid.TryParse(result.Principal.FindFirstValue(ClaimNames.Subject), out var id))
        {
            return null;
        }
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null || !user.CanSignIn(ChinaTime.Today(clock)) || await users.IsLockedOutAsync(user))
        {
            return null;
        }
        return (user, result.Principal.FindAll(SsoCookies.MethodsClaim).Select(c => c.Value).ToList());
    }

    /// <summary>
    /// The person half-way through signing in, or — for what a signed-in person may do on their own (change their
    /// password, enrol an authenticator) — the person of the live session. <c>Voluntary</c> tells which.
    /// </summary>
    public async Task<(UserAccount User, IReadOnlyList<string> Methods, bool Voluntary)?> PendingOrSignedInAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (await PendingAsync(context, cancellationToken) is { } pending)
        {
            return (pending.User, pending.Methods, false);
        }
        if (await sessions.FindAsync(context, cancellationToken) is not { } session)
        {
            return null;
        }
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == session.UserId, cancellationToken);
        if (user is null || !user.CanSignIn(ChinaTime.Today(clock)))
        {
            return null;
        }
        return (user, session.MethodList.Where(m => m != "mfa").ToList(), true);
    }

    public async Task<SignInStep> NextStepAsync(UserAccount user, IReadOnlyList<string> methods, CancellationToken cancellationToken)
    {
        var privileged = await IsPrivilegedAsync(user.Id, cancellationToken);
        if (privileged && !user.TwoFactorEnabled)
        {
            return SignInStep.EnrolAuthenticator;
        }
        if (user.TwoFactorEnabled && !methods.Contains("otp"))
        {
            return SignInStep.TwoFactor;
        }
        if (user.MustChangePassword || (privileged && PasswordTooOld(user)))
        {
            return SignInStep.ChangePassword;
        }
        return SignInStep.SignedIn;
    }

    public async Task<bool> IsPrivilegedAsync(Guid userId, CancellationToken cancellationToken)
    {
        var roles = await db.Memberships.IgnoreQueryFilters().AsNoTracking().Where(m => m.UserId == userId).Select(m => m.Roles).ToListAsync(cancellationToken);
        return roles.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries)).Any(PrivilegedRoles.Contains);
    }

    private bool PasswordTooOld(UserAccount user)
    {
        var days = passwordPolicy.Value.PrivilegedMaximumAgeDays;
        return days > 0 && (user.PasswordChangedAtUtc is null || clock.GetUtcNow().UtcDateTime - user.PasswordChangedAtUtc > TimeSpan.FromDays(days));
    }

    /// <summary>By user name (case-insensitive) or by mobile phone number.</summary>
    private async Task<UserAccount?> FindAsync(string login, CancellationToken cancellationToken)
    {
        if (login.Length is 0 or > 64)
        {
            return null;
        }
        var normalized = users.NormalizeName(login);
        return await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized || u.PhoneNumber == login, cancellationToken);
    }
}
