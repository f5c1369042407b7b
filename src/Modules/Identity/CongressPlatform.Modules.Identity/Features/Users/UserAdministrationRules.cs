using System.Security.Cryptography;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Users;


/// <summary>
/// What every user-administration use case shares: scope (a user is visible through a membership the
/// caller's scope covers), who may grant which role, the profile field rules, Identity's errors as
/// field errors, masking and temporary passwords.
/// </summary>
internal static class UserAdministrationRules
{
    /// <summary>Roles a tenant administrator may grant in their own tenant.</summary>
    private static readonly string[] Ordinary = [Roles.Leader, Roles.Staff, Roles.StationKeeper, Roles.Deputy, Roles.UnitOfficer];

    /// <summary>
    /// A user the caller may see: one holding a membership in the active tenant (its subtree for a
    /// supervisor). The named query filters on <c>Memberships</c> decide; anyone else is "not found".
    /// </summary>
    public static async Task<UserAccount> FindVisibleAsync(IdentityDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == id && db.Memberships.Any(m => m.UserId == u.Id)).SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("用户", "user");

    /// <summary>
    /// The accounts of the users list (and its export): holding a membership the caller's scope covers — the
    /// memberships' named filters decide — optionally in one tenant, searched by user name or display name.
    /// </summary>
    public static IQueryable<UserAccount> Visible(IdentityDbContext db, string? search, Guid? tenantId)
    {
        var memberships = db.Memberships.AsNoTracking();
        if (tenantId is { } id)
        {
            memberships = memberships.Where(m => m.TenantId == id);
        }
        var users = db.Users.AsNoTracking().Where(u => memberships.Any(m => m.UserId == u.Id));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var trimmed = search.Trim();
            var normalized = trimmed.ToUpperInvariant();
            users = users.Where(u => u.NormalizedUserName.Contains(normalized) || u.DisplayName.Contains(trimmed));
        }
        return users;
    }

    /// <summary>The list's order: by display name, then id (stable pages).</summary>
    public static IQueryable<Guid> InListOrder(IQueryable<UserAccount> users) =>
        users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Select(u => u.Id);

    /// <summary>
    /// 三员分立: privileges are assigned by the security administrator. A tenant administrator may grant
    /// (or take away) only the ordinary roles; the administrator and supervisor roles only a security administrator.
    /// </summary>
    public static void EnsureMayGrant(ICurrentUser currentUser, IEnumerable<string> roles)
    {
        if (currentUser.IsSystem || currentUser.Roles.Contains(Roles.SecurityAdmin))
        {
            return;
        }
        var mayGrant = currentUser.Roles.Contains(Roles.TenantAdmin) ? Ordinary : [];
        var refused = roles.Select(r => r.Trim()).Where(r => r.Length > 0 && !mayGrant.Contains(r, StringComparer.Ordinal)).Distinct().ToList();
        if (refused.Count > 0)
        {
            var list = string.Join("、", refused);
            throw new ForbiddenException("user.role_not_grantable", Text.Of(
                $"您无权授予或收回角色:{list}。系统管理员、安全管理员、审计管理员、单位管理员和上级督导角色只能由安全管理员分配(三员分立)。",
                $"You may not grant or revoke the roles: {string.Join(", ", refused)}. Administrator and supervisor roles are assigned by the security administrator only."));
        }
    }

    /// <summary>
    /// An account that holds an administrator or supervisor role anywhere — in any tenant, seen or not —
    /// is managed (profile, password, status, lockout, sessions) by a security administrator only:
    /// otherwise a tenant administrator could reset a privileged colleague's password and act as them.
    /// </summary>
    public static async Task EnsureMayManageAsync(IdentityDbContext db, ICurrentUser currentUser, Guid userId, CancellationToken cancellationToken)
    {
        if (currentUser.IsSystem || currentUser.Roles.Contains(Roles.SecurityAdmin))
        {
            return;
        }
        var held = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == userId).Select(m => m.Roles).ToListAsync(cancellationToken);
        if (held.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries)).Any(r => !Ordinary.Contains(r, StringComparer.Ordinal)))
        {
            throw new ForbiddenException("user.privileged_account", Text.Of(
                "该账号持有管理员或上级督导角色,只能由安全管理员管理。",
                "This account holds an administrator or supervisor role; only the security administrator may manage it."));
        }
    }

    /// <summary>No one changes their own account's status or roles: another administrator does (三员分立).</summary>
    public static void EnsureNotSelf(ICurrentUser currentUser, Guid userId, string code, string zh, string en)
    {
        if (currentUser.UserId == userId)
        {
            throw new BusinessRuleException(code, Text.Of(zh, en));
        }
    }

    public static void ApplyProfile<T>(AbstractValidator<T> validator, Func<T, string> displayName, Func<T, string?> phoneNumber, Func<T, string?> email)
    {
        validator.RuleFor(x => displayName(x)).NotEmpty().MaximumLength(50).OverridePropertyName("displayName").WithName(_ => Text.Of("姓名", "Display name"));
        validator.RuleFor(x => phoneNumber(x)).MaximumLength(20).OverridePropertyName("phoneNumber").WithName(_ => Text.Of("手机号", "Mobile number"));
        validator.RuleFor(x => email(x)).MaximumLength(256).EmailAddress().When(x => !string.IsNullOrWhiteSpace(email(x)))
            .OverridePropertyName("email").WithName(_ => Text.Of("电子邮箱", "E-mail"));
    }

    public static void ApplyRoles<T>(AbstractValidator<T> validator, Func<T, IReadOnlyList<string>?> roles)
    {
        validator.RuleFor(x => roles(x)).NotEmpty().OverridePropertyName("roles").WithName(_ => Text.Of("角色", "Roles"))
            .WithMessage(_ => Text.Of("至少需要一个角色。", "At least one role is required."));
        validator.RuleForEach(x => roles(x)).Must(r => r is not null && Roles.IsKnown(r.Trim())).OverridePropertyName("roles")
            .WithMessage((_, r) => Text.Of($"未知角色“{r}”。", $"Unknown role '{r}'."));
    }

    /// <summary>Identity refused the account: a stale version is a conflict; anything else is a field error, nothing is written.</summary>
    public static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new ConflictException("concurrency", Text.Of("数据已被他人修改,请刷新后重试。", "The data was changed by someone else; reload and try again."));
        }
        var errors = result.Errors
            .GroupBy(e => FieldOf(e.Code))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray(), StringComparer.Ordinal);
        throw new RequestValidationException(errors);
    }

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("phone.", StringComparison.Ordinal) => "phoneNumber",
        _ when code.StartsWith("password.", StringComparison.Ordinal) || code.StartsWith("Password", StringComparison.Ordinal) => "password",
        _ when code.Contains("Email", StringComparison.Ordinal) => "email",
        _ => "userName",
    };

    /// <summary>
    /// The administrators' view of the given accounts, in the order of <paramref name="ids"/>, with the
    /// memberships the caller's scope can see. Credentials never leave the database.
    /// </summary>
    public static async Task<List<UserDto>> ViewsAsync(IdentityDbContext db, IReadOnlyList<Guid> ids, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.PhoneNumber, u.Email, u.Status, u.TermEndsOn, u.MustChangePassword,
                u.LockoutEndUtc, u.TwoFactorEnabled, u.CreatedAtUtc, u.Version,
            })
            .ToListAsync(cancellationToken);
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => ids.Contains(m.UserId))
            .Join(db.Tenants, m => m.TenantId, t => t.Id, (m, t) => new { m.UserId, m.TenantId, TenantName = t.Name, t.Path, m.Roles })
            .ToListAsync(cancellationToken);
        var byUser = memberships.OrderBy(m => m.Path, StringComparer.Ordinal).ToLookup(m => m.UserId);
        var byId = accounts.ToDictionary(a => a.Id);
        return ids.Where(byId.ContainsKey).Select(id =>
        {
            var u = byId[id];
            return new UserDto(
                u.Id, u.UserName, u.DisplayName, MaskPhone(u.PhoneNumber), u.Email, u.Status, u.TermEndsOn, u.MustChangePassword,
                u.LockoutEndUtc > nowUtc, u.TwoFactorEnabled, u.CreatedAtUtc, u.Version,
                [.. byUser[id].Select(m => new UserMembershipDto(m.TenantId, m.TenantName, m.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries)))]);
        }).ToList();
    }

    /// <summary><c>13812341234</c> → <c>138****1234</c>. The full number is never returned by lists and reads.</summary>
    public static string? MaskPhone(string? phone) => phone switch
    {
        null or "" => null,
        { Length: >= 8 } => string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(phone.Length - 4)),
        _ => "****",
    };

    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "!@#$%^&*-_=+?";
    private const int TemporaryLength = 14;

    /// <summary>
    /// A strong temporary password (14 characters from all four classes, drawn with a cryptographic
    /// generator, without look-alike characters) that passes the account's password validators.
    /// </summary>
    public static async Task<string> NewTemporaryPasswordAsync(UserManager<UserAccount> users, UserAccount user)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var password = Generate();
            var valid = true;
            foreach (var validator in users.PasswordValidators)
            {
                valid &= (await validator.ValidateAsync(users, user, password)).Succeeded;
            }
            if (valid)
            {
                return password;
            }
        }
        throw new InvalidOperationException("Could not generate a temporary password that passes the password policy.");
    }

    private static string Generate()
    {
        var all = Lower + Upper + Digits + Symbols;
        var chars = new char[TemporaryLength];
        chars[0] = Pick(Lower);
        chars[1] = Pick(Upper);
        chars[2] = Pick(Digits);
        chars[3] = Pick(Symbols);
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = Pick(all);
        }
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
}
