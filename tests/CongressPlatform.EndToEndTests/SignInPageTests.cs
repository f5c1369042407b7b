using CongressPlatform.EndToEndTests.Infrastructure;

namespace CongressPlatform.EndToEndTests;

/// <summary>The sign-in pages in a real browser: Chinese, readable with CJK fonts, accessible, and working.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SignInPageTests(EndToEnd e2e)
{
    [Fact]
    public async Task The_sign_in_page_is_Chinese_accessible_and_refuses_a_wrong_password_with_one_message()
    {
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        var response = await page.GotoAsync("/account/login");
        response!.Status.Should().Be(200);
        (await page.TitleAsync()).Should().Contain("登录");
        (await page.Locator("label[for=login]").InnerTextAsync()).Should().Be("用户名或手机号");
        await EndToEnd.ScreenshotAsync(page, "account-login");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();

        await page.FillAsync("#login", "dongliu.staff");
        await page.FillAsync("#password", "Wrong#Password1");
        await page.ClickAsync("button[type=submit]");
        (await page.Locator("p.error").InnerTextAsync()).Should().Contain("账号或密码不正确");
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task On_a_phone_the_sign_in_form_fits_the_screen()
    {
        var (context, page, _) = await e2e.NewPageAsync(phone: true);
        await using var __ = context;
        await page.GotoAsync("/account/login");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        width.Should().BeLessThanOrEqualTo(390, "nothing overflows a phone's width");
        await EndToEnd.ScreenshotAsync(page, "account-login-phone");
    }
}
