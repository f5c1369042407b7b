using CongressPlatform.EndToEndTests.Infrastructure;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CongressPlatform.EndToEndTests;

/// <summary>
/// The audit log in Debian chromium: office staff rename a handling unit, the audit administrator finds that change
/// with its before and after, and verifies the hash chain (screenshot kept, axe-core finding nothing serious).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AuditTests(EndToEnd e2e)
{
    [Fact]
    public async Task The_auditor_finds_a_change_with_its_before_and_after_and_verifies_the_chain()
    {
        var name = $"东柳审计测试科{DateTime.UtcNow:HHmmssfff}";
        var (staffContext, staff, staffErrors) = await e2e.NewPageAsync();
        await using (staffContext)
        {
            await staff.GotoAsync("/system/handling-units");
            await EndToEnd.SignInAsync(staff, "dongliu.staff");
            var table = staff.GetByTestId("units-table");
            await Assertions.Expect(table).ToContainTextAsync("东柳街道办事处", new() { Timeout = 30_000 });
            await staff.GetByTestId("unit-create").ClickAsync();
            var form = staff.GetByTestId("unit-form");
            await form.GetByLabel("单位名称").FillAsync(name);
            await form.GetByLabel("单位类别").ClickAsync();
            await staff.Locator(".ant-select-item-option", new() { HasText = "政府工作部门" }).ClickAsync();
            await form.GetByLabel("联系电话").FillAsync("13812345678");
            await staff.GetByTestId("unit-save").ClickAsync();
            await Assertions.Expect(form).ToBeHiddenAsync(new() { Timeout = 15_000 });
            await table.Locator("tr", new() { HasText = name }).GetByTestId("unit-edit").ClickAsync();
            await form.GetByLabel("单位名称").FillAsync(name + "(更名)");
            await staff.GetByTestId("unit-save").ClickAsync();
            await Assertions.Expect(form).ToBeHiddenAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(table.Locator("tr", new() { HasText = name + "(更名)" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
            staffErrors.Should().BeEmpty();
        }

        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/system/audit");
        await EndToEnd.SignInAsync(page, "auditor");
        await Assertions.Expect(page.GetByTestId("audit-page")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByLabel("关键字").FillAsync(name);
        await page.GetByTestId("audit-search").ClickAsync();
        var row = page.GetByTestId("audit-table").Locator("tr", new() { HasText = "identity.update-handling-unit" });
        await Assertions.Expect(row).ToContainTextAsync(new Regex("赵干事|dongliu\\.staff"), new() { Timeout = 15_000 });
        await Assertions.Expect(row).ToContainTextAsync("东柳街道人大工委");
        await Assertions.Expect(row).ToContainTextAsync("成功");
        await Assertions.Expect(page.GetByTestId("audit-table").Locator("tr", new() { HasText = "identity.create-handling-unit" })).ToBeVisibleAsync();

        await row.GetByTestId("audit-view").ClickAsync();
        var changes = page.GetByTestId("audit-changes");
        await Assertions.Expect(changes).ToContainTextAsync("修改前", new() { Timeout = 15_000 });
        var field = changes.Locator("tr", new() { HasText = "Name" });
        await Assertions.Expect(field).ToContainTextAsync(name);
        await Assertions.Expect(field).ToContainTextAsync(name + "(更名)");
        await page.Keyboard.PressAsync("Escape");

        await page.GetByTestId("audit-verify").ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-verification")).ToContainTextAsync("校验通过", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".ant-spin-spinning")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        // The pointer leaves the button it clicked: the page is checked at rest, not in a hover state.
        await page.Mouse.MoveAsync(0, 0);
        await EndToEnd.ScreenshotAsync(page, "audit");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();
        errors.Should().BeEmpty();
    }
}
