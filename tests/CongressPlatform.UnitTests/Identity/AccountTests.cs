using System.Globalization;
using CongressPlatform.Modules.Identity.Accounts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CongressPlatform.UnitTests.Identity;

public sealed class PasswordPolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);

    private static async Task<string[]> ErrorsAsync(string password, string userName = "zhangsan", string? phone = "13800138000", PasswordPolicyOptions? options = null)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            var validator = new PasswordPolicyValidator(Options.Create(options ?? new PasswordPolicyOptions()));
            var user = UserAccount.Create(userName, "张三", phone, null, null, Now);
            var result = await validator.ValidateAsync(null!, user, password);
            return result.Errors.Select(e => e.Code).ToArray();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("Liucheng#2026")]
    [InlineData("dongliu-station-7")]
    [InlineData("人大Congress9")]
    public async Task A_long_varied_password_passes(string password) =>
        (await ErrorsAsync(password)).Should().BeEmpty();

    [Fact]
    public async Task Short_passwords_are_refused() =>
        (await ErrorsAsync("Ab1!x")).Should().Contain("password.too_short");

    [Theory]
    [InlineData("abcdefghij")]
    [InlineData("abcdefgh12")]
    [InlineData("ABCDEFGH!!")]
    public async Task Fewer_than_three_character_classes_are_refused(string password) =>
        (await ErrorsAsync(password)).Should().Contain("password.classes");

    [Fact]
    public async Task The_number_of_classes_is_configurable() =>
        (await ErrorsAsync("abcdefgh12", options: new PasswordPolicyOptions { RequiredCharacterClasses = 2 })).Should().BeEmpty();

    [Theory]
    [InlineData("Zhangsan#2026")]
    [InlineData("x13800138000X")]
    public async Task Passwords_containing_the_user_name_or_phone_are_refused(string password) =>
        (await ErrorsAsync(password)).Should().Contain("password.personal");

    [Theory]
    [InlineData("P@ssw0rd")]
    [InlineData("Admin@123")]
    [InlineData("Woaini1314!")]
    [InlineData("1qaz@WSX")]
    public async Task Common_passwords_are_refused_even_when_they_meet_the_classes(string password) =>
        (await ErrorsAsync(password)).Should().Contain("password.common");

    [Fact]
    public async Task Messages_are_in_chinese()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            var validator = new PasswordPolicyValidator(Options.Create(new PasswordPolicyOptions()));
            var result = await validator.ValidateAsync(null!, UserAccount.Create("lisi", "李四", null, null, null, Now), "short");
            result.Errors.Select(e => e.Description).Should().Contain(d => d.Contains("密码至少需要 8 位"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

public sealed class AccountAndMembershipTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_deputy_account_ends_with_the_term()
    {
        var deputy = UserAccount.Create("wangwu", "王五", "13900139000", null, new DateOnly(2026, 12, 31), Now);
        deputy.CanSignIn(new DateOnly(2026, 12, 31)).Should().BeTrue();
        deputy.CanSignIn(new DateOnly(2027, 1, 1)).Should().BeFalse();
    }

    [Fact]
    public void A_disabled_account_cannot_sign_in_until_enabled()
    {
        var staff = UserAccount.Create("zhaoliu", "赵六", null, null, null, Now);
        staff.Disable();
        staff.CanSignIn(new DateOnly(2026, 11, 22)).Should().BeFalse();
        staff.Enable();
        staff.CanSignIn(new DateOnly(2026, 11, 22)).Should().BeTrue();
    }

    [Fact]
    public void New_accounts_and_reset_passwords_must_be_changed_at_next_sign_in()
    {
        var user = UserAccount.Create("sunqi", "孙七", null, null, null, Now);
        user.MustChangePassword.Should().BeTrue();
        user.PasswordChosen(Now);
        user.MustChangePassword.Should().BeFalse();
        user.PasswordReset(Now.AddDays(1));
        user.MustChangePassword.Should().BeTrue();
        user.PasswordChangedAtUtc.Should().Be(Now.AddDays(1));
    }

    [Fact]
    public void Roles_are_stored_sorted_and_unique()
    {
        var membership = Membership.Create(Guid.NewGuid(), ["staff", "deputy", "staff", " leader "], Now);
        membership.Roles.Should().Be("deputy,leader,staff");
        membership.RoleList.Should().Equal("deputy", "leader", "staff");
    }

    [Fact]
    public void Unknown_or_missing_roles_are_refused()
    {
        var unknown = () => Membership.Create(Guid.NewGuid(), ["mayor"], Now);
        unknown.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("membership.unknown_role");
        var none = () => Membership.Create(Guid.NewGuid(), [], Now);
        none.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("membership.no_role");
    }

    [Theory]
    [InlineData("system-admin", "security-admin")]
    [InlineData("security-admin", "audit-admin")]
    [InlineData("system-admin", "audit-admin")]
    public void One_person_may_not_hold_two_of_the_three_administrator_roles(string first, string second)
    {
        var act = () => Membership.Create(Guid.NewGuid(), [first, second], Now);
        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("membership.separation_of_duties");
    }
}
