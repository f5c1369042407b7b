using CongressPlatform.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace CongressPlatform.EndToEndTests;

/// <summary>
/// The administration console in Debian chromium: what each role sees in the menu, a handling unit created and edited
/// through its form, and the main pages (screenshots kept as artifacts, axe-core finding nothing serious).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AdministrationTests(EndToEnd e2e)
{
    /// <summary>The side menu's pages, every group opened: what this user may reach from the menu.</summary>
    private static async Task<string[]> MenuItemsAsync(IPage page)
    {
        var menu = page.GetByTestId("side-menu");
        await Assertions.Expect(menu.Locator("li.ant-menu-item").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // Opening one group changes which are closed: open the first closed one until none is left.
        var closed = menu.Locator("li.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title");
        for (var left = await closed.CountAsync(); left > 0; left = await closed.CountAsync())
        {
            await closed.First.ClickAsync();
            await Assertions.Expect(closed).ToHaveCountAsync(left - 1);
        }
        await Assertions.Expect(menu.Locator("li.ant-menu-submenu:not(.ant-menu-submenu-open)")).ToHaveCountAsync(0);
        var items = await menu.Locator("li.ant-menu-item .ant-menu-title-content").AllInnerTextsAsync();
        return [.. items.Select(i => i.Trim())];
    }

    // Every role of IDENTITY.md through a demo account (README); the menu follows the permission map of the active tenant.
    // 代表履职: a deputy's own archive; groups, rankings and the points policy for the office (the policy is readable by
    // the system administrator and deputies too).
    // 工作日历 is everyone's: every deadline is counted on it (platform.calendar.read); so is 我的导出 (platform.exports.use).
    [Theory]
    [InlineData("sysadmin", "工作台|积分办法|联络站名录|组织机构|承办单位|定时任务|工作日历|通知渠道|我的导出")]
    [InlineData("secadmin", "工作台|用户管理|工作日历|我的导出")]
    [InlineData("auditor", "工作台|工作日历|审计日志|我的导出")]
    [InlineData("district.admin", "工作台|代表名册|代表小组|积分排名|积分办法|代表述职|季度档案与提示函|联络站名录|值班表|集中接待|社情民意|月度公示|组织机构|承办单位|用户管理|工作日历|通知渠道|我的导出")]
    [InlineData("leader", "工作台|代表名册|代表小组|积分排名|积分办法|代表述职|季度档案与提示函|联络站名录|值班表|集中接待|社情民意|月度公示|组织机构|承办单位|用户管理|工作日历|我的导出")]
    [InlineData("district.staff", "工作台|代表名册|代表小组|积分排名|积分办法|代表述职|季度档案与提示函|联络站名录|值班表|集中接待|社情民意|月度公示|组织机构|承办单位|用户管理|工作日历|我的导出")]
    [InlineData("dongliu.staff", "工作台|代表名册|代表小组|积分排名|积分办法|代表述职|季度档案与提示函|联络站名录|值班表|集中接待|社情民意|月度公示|组织机构|承办单位|工作日历|我的导出")]
    [InlineData("dongliu.keeper", "工作台|联络站名录|值班表|集中接待|社情民意|月度公示|承办单位|工作日历|我的导出")]
    [InlineData("unit.officer", "工作台|指派给我|工作日历|我的导出")]
    [InlineData("deputy.li", "工作台|我的履职档案|我的季度报告与述职|积分办法|联络站名录|我的值班|社情民意|月度公示|承办单位|工作日历|我的导出")]
    public async Task Each_role_sees_exactly_its_menu(string account, string expected)
    {
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await EndToEnd.SignInAsync(page, account);
        (await MenuItemsAsync(page)).Should().Equal(expected.Split('|'));

        // A page outside the menu is refused by the client as well (the API refuses it anyway).
        if (!expected.Contains("用户管理", StringComparison.Ordinal))
        {
            await page.GotoAsync("/system/users");
            await Assertions.Expect(page.GetByText("无权访问")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        }
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Office_staff_create_a_handling_unit_and_then_correct_it()
    {
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/system/handling-units");
        await EndToEnd.SignInAsync(page, "dongliu.staff");
        var table = page.GetByTestId("units-table");
        await Assertions.Expect(table).ToContainTextAsync("东柳街道办事处", new() { Timeout = 30_000 });

        var name = $"东柳街道城管科{DateTime.UtcNow:HHmmssfff}";
        await page.GetByTestId("unit-create").ClickAsync();
        var form = page.GetByTestId("unit-form");
        await form.GetByLabel("单位名称").FillAsync(name);
        await form.GetByLabel("联系电话").FillAsync("abc");
        await page.GetByTestId("unit-save").ClickAsync();
        // The form validates as the API does: no category, a phone with letters.
        await Assertions.Expect(form).ToContainTextAsync("请选择单位类别");
        await Assertions.Expect(form).ToContainTextAsync("联系电话只能包含数字");

        await form.GetByLabel("单位类别").ClickAsync();
        await page.Locator(".ant-select-item-option", new() { HasText = "政府工作部门" }).ClickAsync();
        await form.GetByLabel("联系人").FillAsync("钱科长");
        await form.GetByLabel("联系电话").FillAsync("0771-5550123");
        await page.GetByTestId("unit-save").ClickAsync();
        await Assertions.Expect(form).ToBeHiddenAsync(new() { Timeout = 15_000 });
        var row = table.Locator("tr", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("政府工作部门", new() { Timeout = 15_000 });
        await EndToEnd.ScreenshotAsync(page, "handling-units-created");

        await row.GetByTestId("unit-edit").ClickAsync();
        await Assertions.Expect(form.GetByLabel("单位名称")).ToHaveValueAsync(name);
        await form.GetByLabel("单位名称").FillAsync(name + "(更名)");
        await form.GetByLabel("联系人").FillAsync("孙科长");
        await page.GetByTestId("unit-save").ClickAsync();
        await Assertions.Expect(form).ToBeHiddenAsync(new() { Timeout = 15_000 });
        var renamed = table.Locator("tr", new() { HasText = name + "(更名)" });
        await Assertions.Expect(renamed).ToContainTextAsync("孙科长", new() { Timeout = 15_000 });

        // Saved means saved: after a reload the change is still there.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("units-table").Locator("tr", new() { HasText = name + "(更名)" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("sysadmin", "/system/tenants", "tenants-tree", "tenants")]
    [InlineData("sysadmin", "/system/handling-units", "units-table", "handling-units")]
    [InlineData("sysadmin", "/system/jobs", "jobs-table", "jobs")]
    [InlineData("sysadmin", "/system/calendar", "calendar-page", "calendar")]
    [InlineData("district.admin", "/system/users", "users-table", "users")]
    [InlineData("district.staff", "/profile", "profile-page", "profile")]
    [InlineData("deputy.li", "/profile/security", "security-page", "profile-security")]
    public async Task The_main_pages_render_and_are_accessible(string account, string path, string testId, string screenshot)
    {
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(path);
        await EndToEnd.SignInAsync(page, account);
        new Uri(page.Url).AbsolutePath.Should().Be(path, "the sign-in returns to the page asked for");
        var content = page.GetByTestId(testId);
        await Assertions.Expect(content).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // Wait for the data, not only the frame: a table shows rows, a page its content.
        await Assertions.Expect(page.Locator(".ant-spin-spinning")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await EndToEnd.ScreenshotAsync(page, screenshot);
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_tenant_administrator_opens_a_user_and_sees_the_seats_and_the_actions()
    {
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/system/users");
        await EndToEnd.SignInAsync(page, "dongliu.admin");
        var table = page.GetByTestId("users-table");
        await Assertions.Expect(table).ToContainTextAsync("孙站长", new() { Timeout = 30_000 });
        await table.GetByRole(AriaRole.Link, new() { Name = "孙站长" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("memberships-table")).ToContainTextAsync("东柳街道人大工委", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("user-actions")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("breadcrumb")).ToContainTextAsync("用户管理");
        await EndToEnd.ScreenshotAsync(page, "user-detail");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();
        errors.Should().BeEmpty();
    }
}
