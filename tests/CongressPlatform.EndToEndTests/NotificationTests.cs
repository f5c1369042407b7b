using System.Text.Json;
using CongressPlatform.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace CongressPlatform.EndToEndTests;

/// <summary>
/// Notifications in Debian chromium: a tenant administrator changes a person's roles (the Identity event), the person
/// sees the bell's count, opens the dropdown and the inbox, and marks it read — in Chinese; the preferences and the
/// channel settings pages render (screenshots, axe-core).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class NotificationTests(EndToEnd e2e)
{
    private const string AccessToken =
        "() => { for (const k of Object.keys(sessionStorage)) if (k.startsWith('oidc.user:')) return JSON.parse(sessionStorage.getItem(k)).access_token; return null; }";

    /// <summary>Sets the keeper's roles through the API with the signed-in administrator's own token.</summary>
    private static async Task SetKeeperRolesAsync(IPage admin, params string[] roles)
    {
        var token = await admin.EvaluateAsync<string>(AccessToken);
        token.Should().NotBeNullOrEmpty();
        var headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}", ["Accept-Language"] = "zh-CN" };
        var me = await admin.APIRequest.GetAsync("/api/identity/me", new() { Headers = headers });
        var tenantId = JsonDocument.Parse(await me.TextAsync()).RootElement.GetProperty("tenant").GetProperty("id").GetString();
        var users = await admin.APIRequest.GetAsync("/api/identity/users?search=dongliu.keeper", new() { Headers = headers });
        var userId = JsonDocument.Parse(await users.TextAsync()).RootElement.GetProperty("items")[0].GetProperty("id").GetString();
        var put = await admin.APIRequest.PutAsync($"/api/identity/users/{userId}/memberships/{tenantId}",
            new() { Headers = headers, DataObject = new { roles } });
        put.Status.Should().Be(200, await put.TextAsync());
    }

    [Fact]
    public async Task A_role_change_rings_the_bell_and_is_read_in_the_inbox()
    {
        var (adminContext, admin, adminErrors) = await e2e.NewPageAsync();
        await using var _ = adminContext;
        await admin.GotoAsync("/system/notification-channels");
        await EndToEnd.SignInAsync(admin, "dongliu.admin");
        await Assertions.Expect(admin.GetByTestId("channels-form")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(admin.GetByText("电子邮件(SMTP)")).ToBeVisibleAsync();
        await EndToEnd.ScreenshotAsync(admin, "notification-channels");
        (await EndToEnd.AccessibilityViolationsAsync(admin)).Should().BeEmpty();

        // The keeper signs in first and starts from an empty bell: other browser tests (a rota swap at the keeper's
        // station) may have left notices of their own.
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var __ = context;
        await page.GotoAsync("/");
        await EndToEnd.SignInAsync(page, "dongliu.keeper");
        var keeperToken = await page.EvaluateAsync<string>(AccessToken);
        var readAll = await page.APIRequest.PostAsync("/api/notifications/inbox-items/read-all",
            new() { Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {keeperToken}" } });
        readAll.Ok.Should().BeTrue(await readAll.TextAsync());
        await page.ReloadAsync();

        await SetKeeperRolesAsync(admin, "station-keeper", "deputy");
        try
        {
            // The outbox delivers the event within seconds; the bell asks again every 30 seconds.
            var bell = page.GetByTestId("notification-bell");
            await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "消息通知,1 条未读", new() { Timeout = 75_000 });
            await Assertions.Expect(page.GetByTestId("bell-count")).ToContainTextAsync("1");

            await bell.ClickAsync();
            var panel = page.GetByTestId("bell-panel");
            await Assertions.Expect(panel).ToContainTextAsync("您在「东柳街道人大工委」的角色已变更", new() { Timeout = 15_000 });
            await Assertions.Expect(panel).ToContainTextAsync("全部已读");
            await EndToEnd.ScreenshotAsync(page, "notification-bell");

            await page.GetByTestId("bell-view-all").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/notifications", new() { WaitUntil = WaitUntilState.Commit });
            var list = page.GetByTestId("inbox-list");
            await Assertions.Expect(list).ToContainTextAsync("现有角色:人大代表、联络站站长", new() { Timeout = 15_000 });
            await Assertions.Expect(list).ToContainTextAsync("未读");
            await EndToEnd.ScreenshotAsync(page, "notification-inbox");
            (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();

            // Earlier notices (read before the role change) are in the list too: the role change is the one unread.
            var roleChange = list.Locator("[data-testid^='inbox-item-']", new() { HasText = "现有角色:人大代表、联络站站长" });
            await roleChange.GetByRole(AriaRole.Button, new() { Name = "标为已读" }).ClickAsync();
            await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "消息通知", new() { Timeout = 15_000 });
            await Assertions.Expect(roleChange.GetByText("已读", new() { Exact = true })).ToBeVisibleAsync();

            // From the user menu (a client-side navigation, no reload).
            await page.GetByTestId("user-menu").ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "通知设置" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/profile/notifications", new() { WaitUntil = WaitUntilState.Commit });
            await Assertions.Expect(page.GetByTestId("preferences")).ToContainTextAsync("角色与权限变更", new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("preferences")).ToContainTextAsync("每日摘要");
            await EndToEnd.ScreenshotAsync(page, "notification-preferences");
            (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();
            errors.Should().BeEmpty();
        }
        finally
        {
            await SetKeeperRolesAsync(admin, "station-keeper");
        }
        adminErrors.Should().BeEmpty();
    }
}
