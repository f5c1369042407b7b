using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Identity.Sso;

/// <summary>
/// Single sign-on through the real provider on the test server, on SQLite and PostgreSQL: password,
/// lockout, password rules, second factor, tenants in tokens, and that the API follows the database.
/// (The protocol rules themselves are proven by an independent client library: tests/protocol.)
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class SsoTests(Platforms platforms)
{
    private const string Password = "Liucheng#2026";

    private static string Unique() => "sso" + Guid.NewGuid().ToString("N")[..10];

    private static string Phone() => "137" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An account with seats, ready to sign in (password chosen, unless told otherwise).</summary>
    private static async Task<UserAccount> AccountAsync(PlatformFactory factory, string userName, bool mustChange, params (string Tenant, string Roles)[] seats)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var directory = scope.ServiceProvider.GetRequiredService<ITenantDirectory>();
        var user = UserAccount.Create(userName, "测试" + userName[^4..], Phone(), null, null, DateTime.UtcNow);
        if (!mustChange)
        {
            user.PasswordChosen(DateTime.UtcNow);
        }
        var result = await users.CreateAsync(user, Password);
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
        foreach (var (code, roles) in seats)
        {
            var tenant = (await directory.FindByCodeAsync(code, CancellationToken.None))!;
            var membership = Membership.Create(user.Id, roles.Split(','), DateTime.UtcNow);
            ((ITenantOwned)membership).AssignTenant(tenant.Id, tenant.Path);
            db.Memberships.Add(membership);
        }
        await db.SaveChangesAsync();
        return user;
    }

    private static async Task<JsonElement> MeAsync(SsoBrowser browser, string accessToken)
    {
        var response = await browser.Api(accessToken).GetAsync("/api/identity/me");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<List<string>> UnitTenantNamesAsync(SsoBrowser browser, string accessToken)
    {
        var page = await browser.Api(accessToken).GetAsync("/api/identity/handling-units?pageSize=100");
        var units = await page.ReadAsync<Paged<UnitView>>();
        return units.Items.Select(u => u.TenantName).Distinct().ToList();
    }

    private static string ErrorMessage(string html) => ErrorParagraph().Match(html).Groups[1].Value;

    [GeneratedRegex("<p class=\"error\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex ErrorParagraph();

    [GeneratedRegex("<code class=\"key\">([^<]*)</code>")]
    private static partial Regex AuthenticatorKey();

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_deputy_with_seats_in_two_tenants_sees_each_tenants_data_only_under_that_tenant(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var name = Unique();
        await AccountAsync(factory, name, false, (Demo.Township, "deputy"), (Demo.District, "deputy"));
        var browser = new SsoBrowser(factory);

        var township = await browser.SignInForTokensAsync(name, Password, Demo.Township);
        var me = await MeAsync(browser, township.AccessToken);
        me.GetProperty("tenant").GetProperty("code").GetString().Should().Be(Demo.Township);
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("deputy");
        me.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("tenantCode").GetString()).Should().BeEquivalentTo([Demo.District, Demo.Township]);
        (await UnitTenantNamesAsync(browser, township.AccessToken)).Should().Equal("新昌镇人大主席团");

        // Switching tenant is a silent re-authorization on the live session: no sign-in page.
        var switched = await browser.AuthorizeAsync(Demo.District, prompt: "none");
        switched.StatusCode.Should().Be(HttpStatusCode.Found);
        switched.Headers.Location!.OriginalString.Should().StartWith(SsoBrowser.RedirectUri);
        var district = await browser.ExchangeAsync(switched.Headers.Location!);
        (await MeAsync(browser, district.AccessToken)).GetProperty("tenant").GetProperty("code").GetString().Should().Be(Demo.District);
        (await UnitTenantNamesAsync(browser, district.AccessToken)).Should().Equal("柳城区人大常委会");

        // A tenant without a seat is refused, back at the client, with access_denied.
        var foreign = await browser.AuthorizeAsync(Demo.Street, prompt: "none");
        QueryHelpers.ParseQuery(foreign.Headers.Location!.Query)["error"].ToString().Should().Be("access_denied");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_supervisor_enters_a_child_tenant_with_the_roles_carried_down_and_never_an_administrator_role(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var name = Unique();
        await AccountAsync(factory, name, false, (Demo.District, "staff,supervisor"));
        var browser = new SsoBrowser(factory);
        var street = await browser.SignInForTokensAsync(name, Password, Demo.Street);
        var me = await MeAsync(browser, street.AccessToken);
        me.GetProperty("tenant").GetProperty("code").GetString().Should().Be(Demo.Street);
        me.GetProperty("tenant").GetProperty("supervised").GetBoolean().Should().BeTrue();
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().BeEquivalentTo(["staff", "supervisor"]);
        (await UnitTenantNamesAsync(browser, street.AccessToken)).Should().Equal("东柳街道人大工委");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Five_wrong_passwords_lock_the_account_and_every_refusal_reads_the_same(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var name = Unique();
        await AccountAsync(factory, name, false, (Demo.Street, "staff"));
        var browser = new SsoBrowser(factory);
        var login = (await browser.AuthorizeAsync()).Headers.Location!.OriginalString;

        var unknown = await browser.SignInAsync(login, "nobody-" + name, "Whatever#2026");
        unknown.StatusCode.Should().Be(HttpStatusCode.OK);
        var refusal = ErrorMessage(await unknown.Content.ReadAsStringAsync());
        refusal.Should().NotBeEmpty();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await browser.SignInAsync(login, name, "Wrong#Password1");
            ErrorMessage(await wrong.Content.ReadAsStringAsync()).Should().Be(refusal, "a wrong password reads like an unknown account");
        }
        var locked = await browser.SignInAsync(login, name, Password);
        locked.StatusCode.Should().Be(HttpStatusCode.OK, "the right password does not open a locked account");
        ErrorMessage(await locked.Content.ReadAsStringAsync()).Should().Be(refusal, "a locked account reads like the rest");

        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().FindByNameAsync(name.ToUpperInvariant());
        user!.LockoutEndUtc.Should().BeAfter(DateTime.UtcNow.AddMinutes(14));
        var actions = await scope.ServiceProvider.GetRequiredService<BuildingBlocks.Audit.AuditDbContext>().Entries
            .Where(e => e.UserId == user.Id).Select(e => e.Action).ToListAsync();
        actions.Should().Contain("identity.account.locked_out").And.Contain("identity.sign_in.failed");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_first_sign_in_forces_a_password_that_passes_the_rules(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var name = Unique();
        await AccountAsync(factory, name, true, (Demo.Street, "staff"));
        var browser = new SsoBrowser(factory);
        var signIn = await browser.SignInAsync((await browser.AuthorizeAsync()).Headers.Location!.OriginalString, name, Password);
        signIn.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var change = signIn.Headers.Location!.OriginalString;
        change.Should().StartWith("/account/change-password");

        // No session yet: the client gets nothing until the password is changed.
        var verifier = browser.Verifier;
        (await browser.AuthorizeAsync(prompt: "none")).Headers.Location!.Query.Should().Contain("error=login_required");
        browser.Verifier = verifier;

        var weak = await browser.SubmitAsync(change, new Dictionary<string, string>
        {
            ["currentPassword"] = Password, ["newPassword"] = "12345678", ["confirmPassword"] = "12345678",
        });
        weak.StatusCode.Should().Be(HttpStatusCode.OK);
        (await weak.Content.ReadAsStringAsync()).Should().Contain("至少 3 类");

        var good = await browser.SubmitAsync(change, new Dictionary<string, string>
        {
            ["currentPassword"] = Password, ["newPassword"] = "Nanhu@Lake2026", ["confirmPassword"] = "Nanhu@Lake2026",
        });
        good.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var tokens = await browser.FollowToTokensAsync(good.Headers.Location!.OriginalString);
        (await MeAsync(browser, tokens.AccessToken)).GetProperty("user").GetProperty("userName").GetString().Should().Be(name);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_administrator_enrols_an_authenticator_and_needs_its_code_at_every_sign_in(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var name = Unique();
        await AccountAsync(factory, name, false, (Demo.Street, "tenant-admin"));

        var first = new SsoBrowser(factory);
        var signIn = await first.SignInAsync((await first.AuthorizeAsync()).Headers.Location!.OriginalString, name, Password);
        signIn.Headers.Location!.OriginalString.Should().StartWith("/account/authenticator", "administrators must enrol a second factor");
        var enrolPage = await first.Client.GetStringAsync(signIn.Headers.Location!.OriginalString);
        enrolPage.Should().Contain("data:image/png;base64,", "the QR code is drawn on the server");
        var key = AuthenticatorKey().Match(enrolPage).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        key.Should().NotBeEmpty();

        // SubmitAsync loads the page again, which issues a new key: read the key from that load.
        var reload = await first.Client.GetStringAsync(signIn.Headers.Location!.OriginalString);
        key = AuthenticatorKey().Match(reload).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        var token = Regex.Match(reload, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var enrolled = await first.Client.PostAsync(signIn.Headers.Location!.OriginalString, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = SsoBrowser.Totp(key), ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        enrolled.StatusCode.Should().Be(HttpStatusCode.SeeOther, await enrolled.Content.ReadAsStringAsync());
        var tokens = await first.FollowToTokensAsync(enrolled.Headers.Location!.OriginalString);
        tokens.AccessToken.Should().NotBeEmpty();

        // The secret is stored encrypted, never as the key itself.
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Users.Where(u => u.UserName == name).Select(u => u.AuthenticatorKey).SingleAsync();
            stored.Should().NotBeNullOrEmpty().And.NotContain(key);
        }

        var second = new SsoBrowser(factory);
        var again = await second.SignInAsync((await second.AuthorizeAsync()).Headers.Location!.OriginalString, name, Password);
        var twoFactor = again.Headers.Location!.OriginalString;
        twoFactor.Should().StartWith("/account/two-factor");
        var wrong = await second.SubmitAsync(twoFactor, new Dictionary<string, string> { ["code"] = "000000" == SsoBrowser.Totp(key) ? "111111" : "000000" });
        wrong.StatusCode.Should().Be(HttpStatusCode.OK);
        ErrorMessage(await wrong.Content.ReadAsStringAsync()).Should().Contain("验证码不正确");
        var right = await second.SubmitAsync(twoFactor, new Dictionary<string, string> { ["code"] = SsoBrowser.Totp(key) });
        right.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var adminTokens = await second.FollowToTokensAsync(right.Headers.Location!.OriginalString);
        var me = await MeAsync(second, adminTokens.AccessToken);
        me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).Should().Contain("identity.users.manage");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_removed_membership_takes_effect_on_the_api_and_on_refresh(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var name = Unique();
        var user = await AccountAsync(factory, name, false, (Demo.Street, "staff"));
        var browser = new SsoBrowser(factory);
        var tokens = await browser.SignInForTokensAsync(name, Password, Demo.Street);
        (await browser.Api(tokens.AccessToken).GetAsync("/api/identity/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            db.Memberships.RemoveRange(await db.Memberships.Where(m => m.UserId == user.Id).ToListAsync());
            await db.SaveChangesAsync();
        }
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // Identity:AccessCheckSeconds is 1 in the tests

        var refused = await browser.Api(tokens.AccessToken).GetAsync("/api/identity/me");
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.ToString().Should().Contain("invalid_token");
        var refresh = await browser.RefreshAsync(tokens.RefreshToken!);
        refresh.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refresh.Content.ReadAsStringAsync()).Should().Contain("invalid_grant");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_administrator_ending_a_persons_sessions_stops_their_tokens(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var name = Unique();
        var user = await AccountAsync(factory, name, false, (Demo.Street, "staff"));
        var browser = new SsoBrowser(factory);
        var tokens = await browser.SignInForTokensAsync(name, Password, Demo.Street);

        var admin = factory.As("admin-" + name, Demo.Street, "tenant-admin");
        (await admin.PostAsync($"/api/identity/users/{user.Id}/end-sessions", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        (await browser.Api(tokens.AccessToken).GetAsync("/api/identity/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await browser.RefreshAsync(tokens.RefreshToken!)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await browser.AuthorizeAsync(prompt: "none")).Headers.Location!.Query.Should().Contain("error=login_required");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_api_accepts_access_tokens_only(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var name = Unique();
        await AccountAsync(factory, name, false, (Demo.Street, "staff"));
        var browser = new SsoBrowser(factory);
        var tokens = await browser.SignInForTokensAsync(name, Password);

        (await browser.Api(tokens.IdToken).GetAsync("/api/identity/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "an ID token is not an access token");
        var parts = tokens.AccessToken.Split('.');
        var tampered = parts[0] + "." + parts[1][..^2] + (parts[1][^2..] == "AA" ? "AB" : "AA") + "." + parts[2];
        (await browser.Api(tampered).GetAsync("/api/identity/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var unsigned = Base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".";
        (await browser.Api(unsigned).GetAsync("/api/identity/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await browser.Api(tokens.AccessToken).GetAsync("/api/identity/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Administrator_roles_count_only_in_a_session_signed_in_with_a_second_factor(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var name = Unique();
        var user = await AccountAsync(factory, name, false, (Demo.Street, "staff"));
        var browser = new SsoBrowser(factory);
        var tokens = await browser.SignInForTokensAsync(name, Password, Demo.Street);

        // Made a tenant administrator while signed in with a password alone.
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var membership = await db.Memberships.SingleAsync(m => m.UserId == user.Id);
            membership.SetRoles(["staff", "tenant-admin"]);
            await db.SaveChangesAsync();
        }
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var refreshed = await SsoBrowser.ReadTokensAsync(await browser.RefreshAsync(tokens.RefreshToken!));
        var me = await MeAsync(browser, refreshed.AccessToken);
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("staff");
        (await browser.Api(refreshed.AccessToken).GetAsync("/api/identity/users")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_signed_in_person_changes_their_password_which_ends_their_other_sessions_and_enrols_an_authenticator(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var name = Unique();
        await AccountAsync(factory, name, false, (Demo.Street, "deputy"));
        var phone = new SsoBrowser(factory);
        var phoneTokens = await phone.SignInForTokensAsync(name, Password);
        var desk = new SsoBrowser(factory);
        var deskTokens = await desk.SignInForTokensAsync(name, Password);

        var changed = await desk.SubmitAsync("/account/change-password?returnUrl=%2F", new Dictionary<string, string>
        {
            ["currentPassword"] = Password, ["newPassword"] = "Dongliu@River9", ["confirmPassword"] = "Dongliu@River9",
        });
        changed.StatusCode.Should().Be(HttpStatusCode.SeeOther, await changed.Content.ReadAsStringAsync());
        changed.Headers.Location!.OriginalString.Should().Be("/");
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        // The other browser is signed out everywhere; this one carries on in a new session.
        (await phone.RefreshAsync(phoneTokens.RefreshToken!)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await phone.AuthorizeAsync(prompt: "none")).Headers.Location!.Query.Should().Contain("error=login_required");
        (await desk.RefreshAsync(deskTokens.RefreshToken!)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "tokens of the old session end too");
        var again = await desk.AuthorizeAsync(prompt: "none");
        again.Headers.Location!.Query.Should().Contain("code=");

        // An optional authenticator, enrolled from the profile.
        var page = await desk.Client.GetStringAsync("/account/authenticator?returnUrl=%2Fprofile%2Fsecurity");
        var key = AuthenticatorKey().Match(page).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var enrolled = await desk.Client.PostAsync("/account/authenticator?returnUrl=%2Fprofile%2Fsecurity", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = SsoBrowser.Totp(key), ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        enrolled.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        enrolled.Headers.Location!.OriginalString.Should().Be("/profile/security");
        (await desk.Client.GetStringAsync("/account/authenticator")).Should().Contain("已绑定身份验证器");

        // Without a session, neither page does anything but send to the sign-in page.
        var stranger = new SsoBrowser(factory);
        (await stranger.Client.GetAsync("/account/change-password")).Headers.Location!.OriginalString.Should().StartWith("/account/login");
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
