using System.Text.RegularExpressions;
using CongressPlatform.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace CongressPlatform.EndToEndTests;

/// <summary>The web console in Debian chromium: single sign-on through the real provider, tenants, sign-out, phones.</summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class ConsoleTests(EndToEnd e2e)
{
    private static async Task<string> HandlingUnitsTotalAsync(IPage page)
    {
        var value = page.GetByTestId("stat-handling-units").Locator(".ant-statistic-content-value");
        await Assertions.Expect(value).ToHaveTextAsync(Digits(), new() { Timeout = 15_000 });
        return await value.InnerTextAsync();
    }

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Digits();

    /// <summary>
    /// Picks the tenant in the header's switcher. The supervised tenants arrive after the seats (a query of their own),
    /// and a click made while they are added to the open list can land on nothing: then the list is opened again and
    /// the tenant picked again, as a person would.
    /// </summary>
    private static async Task SwitchTenantAsync(IPage page, string tenantName)
    {
        var heading = page.GetByTestId("home-tenant");
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId("tenant-switcher").Locator(".ant-select").ClickAsync();
            await page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = tenantName }).ClickAsync();
            try
            {
                await Assertions.Expect(heading).ToHaveTextAsync(tenantName, new() { Timeout = attempt < 3 ? 20_000 : 30_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }
    }

    [Fact]
    public async Task A_deputy_with_two_seats_signs_in_once_and_switches_between_their_tenants_seeing_each_ones_data()
    {
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await EndToEnd.SignInAsync(page, "deputy.wang");
        // A deputy lands on their own archive first; 工作台 then opens the dashboard.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/deputies/my-archive$"), new() { Timeout = 30_000 });
        await page.GetByTestId("side-menu").GetByRole(AriaRole.Link, new() { Name = "工作台" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("home-page")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("home-tenant")).ToHaveTextAsync("柳城区人大常委会");
        var districtUnits = await HandlingUnitsTotalAsync(page);
        await EndToEnd.ScreenshotAsync(page, "home-deputy-district");

        await SwitchTenantAsync(page, "新昌镇人大主席团");
        page.Url.Should().NotContain("/account/", "switching tenant does not ask to sign in again");
        var townshipUnits = await HandlingUnitsTotalAsync(page);
        townshipUnits.Should().Be("2", "新昌镇 has its government and its service centre");
        districtUnits.Should().NotBe(townshipUnits);
        await EndToEnd.ScreenshotAsync(page, "home-deputy-township");

        await SwitchTenantAsync(page, "柳城区人大常委会");
        (await HandlingUnitsTotalAsync(page)).Should().Be(districtUnits);
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_district_supervisor_enters_a_street_and_sees_it_marked_as_supervised()
    {
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await EndToEnd.SignInAsync(page, "district.staff");
        await Assertions.Expect(page.GetByTestId("home-tenant")).ToHaveTextAsync("柳城区人大常委会", new() { Timeout = 30_000 });
        await SwitchTenantAsync(page, "东柳街道人大工委");
        await Assertions.Expect(page.GetByTestId("tenant-switcher")).ToContainTextAsync("督导");
        (await HandlingUnitsTotalAsync(page)).Should().Be("2");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task An_administrator_signs_in_with_the_authenticator_code_and_the_home_page_is_accessible()
    {
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await EndToEnd.SignInAsync(page, "district.admin");
        await Assertions.Expect(page.GetByTestId("home-page")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("stat-handling-units").Locator(".ant-statistic-content-value")).ToHaveTextAsync(Digits(), new() { Timeout = 15_000 });
        await EndToEnd.ScreenshotAsync(page, "home-district-admin");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Signing_out_ends_the_session_so_the_console_asks_to_sign_in_again()
    {
        var (context, page, _) = await e2e.NewPageAsync();
        await using var __ = context;
        await page.GotoAsync("/");
        await EndToEnd.SignInAsync(page, "dongliu.staff");
        await Assertions.Expect(page.GetByTestId("home-tenant")).ToHaveTextAsync("东柳街道人大工委", new() { Timeout = 30_000 });
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByText("退出登录").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/account/", StringComparison.Ordinal), new() { Timeout = 30_000 });

        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal), new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task On_a_phone_the_menu_folds_into_a_drawer_and_nothing_overflows()
    {
        var (context, page, errors) = await e2e.NewPageAsync(phone: true);
        await using var _ = context;
        await page.GotoAsync("/");
        await EndToEnd.SignInAsync(page, "deputy.li");
        // The deputy's first page is their archive; then the dashboard, from the folded menu.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/deputies/my-archive$"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("我的履职档案").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("home-page")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("menu-toggle")).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390);
        await EndToEnd.ScreenshotAsync(page, "home-deputy-phone");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_public_area_opens_without_signing_in()
    {
        var (context, page, errors) = await e2e.NewPageAsync(phone: true);
        await using var _ = context;
        await page.GotoAsync("/p");
        await Assertions.Expect(page.GetByTestId("public-landing")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        new Uri(page.Url).AbsolutePath.Should().Be("/p");
        await EndToEnd.ScreenshotAsync(page, "public-landing-phone");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();
        errors.Should().BeEmpty();
    }
}
