using System.Collections.Frozen;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Identity;

namespace CongressPlatform.Modules.Identity.Accounts;

/// <summary><c>Identity:Password:*</c>: the password rules of 等保 2.0 level 3 as IDENTITY.md sets them, configurable.</summary>
internal sealed class PasswordPolicyOptions
{
    public const string Section = "Identity:Password";

    public int MinimumLength { get; set; } = 8;

    /// <summary>How many of the four classes (lower case, upper case, digits, symbols) a password needs.</summary>
    public int RequiredCharacterClasses { get; set; } = 3;

    /// <summary>Maximum age in days of a password of a privileged role (administrators); 0 = no limit.</summary>
    public int PrivilegedMaximumAgeDays { get; set; } = 90;
}

/// <summary>
/// Checks length, character classes, that the password is not the account's name or phone, and that
/// it is not one of the passwords every attacker tries first.
/// </summary>
internal sealed class PasswordPolicyValidator(Microsoft.Extensions.Options.IOptions<PasswordPolicyOptions> options) : IPasswordValidator<UserAccount>
{
    // Passwords that top every published leak list, world-wide and in China; checked case-insensitively.
    private static readonly FrozenSet<string> Common = new[]
    {
        "123456", "12345678", "123456789", "1234567890", "password", "password1", "password123", "p@ssw0rd", "p@ssword",
        "qwerty", "qwerty123", "qwertyuiop", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "1qaz@wsx", "zaq12wsx", "zxcvbnm",
        "abc123", "abc12345", "abcd1234", "a123456", "a1234567", "a12345678", "aa123456", "aa12345678", "abc@123",
        "111111", "11111111", "000000", "00000000", "666666", "88888888", "888888", "123123", "123123123", "112233",
        "iloveyou", "woaini", "woaini1314", "5201314", "1314520", "qq123456", "admin", "admin123", "admin@123",
        "root", "root123", "test123", "welcome", "welcome1", "letmein", "monkey", "dragon", "sunshine", "princess",
        "football", "baseball", "master", "shadow", "superman", "trustno1", "asdfghjkl", "asd123456", "qazwsx",
        "huawei123", "changeme", "passw0rd", "p@ssw0rd1", "admin123456", "1234qwer", "qwer1234", "q1w2e3r4",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public Task<IdentityResult> ValidateAsync(UserManager<UserAccount> manager, UserAccount user, string? password)
    {
        var policy = options.Value;
        var errors = new List<IdentityError>();
        password ??= string.Empty;
        if (password.Length < policy.MinimumLength)
        {
            errors.Add(Error("password.too_short", $"密码至少需要 {policy.MinimumLength} 位。", $"The password needs at least {policy.MinimumLength} characters."));
        }
        var classes = (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0)
            + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        if (classes < policy.RequiredCharacterClasses)
        {
            errors.Add(Error("password.classes",
                $"密码须包含小写字母、大写字母、数字、符号中的至少 {policy.RequiredCharacterClasses} 类。",
                $"The password needs at least {policy.RequiredCharacterClasses} of: lower case, upper case, digits, symbols."));
        }
        if (IsPersonal(password, user))
        {
            errors.Add(Error("password.personal", "密码不能与用户名或手机号相同,也不能包含它们。", "The password may not be or contain the user name or phone number."));
        }
        if (Common.Contains(password) || Common.Contains(StripTrailingSymbols(password)))
        {
            errors.Add(Error("password.common", "该密码过于常见,容易被猜中,请换一个。", "This password is too common and easily guessed."));
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool IsPersonal(string password, UserAccount user) =>
        new[] { user.UserName, user.PhoneNumber }
            .Where(v => !string.IsNullOrWhiteSpace(v) && v.Length >= 4)
            .Any(v => password.Contains(v!, StringComparison.OrdinalIgnoreCase));

    private static string StripTrailingSymbols(string password) => password.TrimEnd('!', '.', '@', '#', '*', '?');

    private static IdentityError Error(string code, string zh, string en) => new() { Code = code, Description = Text.Of(zh, en) };
}

/// <summary>ASP.NET Core Identity's own messages, in Chinese first.</summary>
internal sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) =>
        Describe(nameof(DuplicateUserName), $"用户名“{userName}”已被使用。", $"The user name '{userName}' is taken.");

    public override IdentityError InvalidUserName(string? userName) =>
        Describe(nameof(InvalidUserName), "用户名只能包含字母、数字和 . _ - 。", "The user name may contain only letters, digits and . _ -.");

    public override IdentityError PasswordMismatch() =>
        Describe(nameof(PasswordMismatch), "原密码不正确。", "The current password is incorrect.");

    public override IdentityError ConcurrencyFailure() =>
        Describe(nameof(ConcurrencyFailure), "数据已被他人修改,请刷新后重试。", "The data was changed by someone else; reload and try again.");

    public override IdentityError InvalidToken() =>
        Describe(nameof(InvalidToken), "验证码无效或已过期。", "The code is invalid or has expired.");

    public override IdentityError UserLockoutNotEnabled() =>
        Describe(nameof(UserLockoutNotEnabled), "该账号未启用锁定。", "Lockout is not enabled for this account.");

    private static IdentityError Describe(string code, string zh, string en) => new() { Code = code, Description = Text.Of(zh, en) };
}
