using System.Reflection;
using CongressPlatform.BuildingBlocks.Hosting;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Scheduling;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Features.SigningKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Identity.Oidc;

internal static class ProviderServiceCollectionExtensions
{
    /// <summary>The OpenID provider: its options, keys, clients, sessions, the API's bearer scheme, and the sign-in pages.</summary>
    public static IServiceCollection AddOpenIdProvider(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProviderOptions>().Bind(configuration.GetSection(ProviderOptions.Section)).PostConfigure(o => o.ApplyDefaults());
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<ClientRegistry>();
        services.AddSingleton<TokenFactory>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddScoped<AccessCheck>();
        services.AddScoped<TenantAccess>();
        services.AddScoped<SsoSessions>();
        services.AddScoped<SignInFlow>();
        services.AddScoped<TokenService>();
        services.AddSingleton<IStartupTask, ProviderStartup>();
        services.AddRecurringCommand<EnsureSigningKeysCommand>(
            "identity.signing-keys", "0 30 3 * * ?", "检查并轮换令牌签名密钥(每日)", "Check and rotate the token signing keys (daily)");

        var session = configuration.GetSection($"{ProviderOptions.Section}:Session").Get<SessionOptions>() ?? new SessionOptions();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(PlatformHost.BearerScheme, null)
            .AddCookie(SsoCookies.Session, o => SsoSessions.ConfigureCookie(o, SsoCookies.Session, TimeSpan.FromHours(session.AbsoluteHours)))
            .AddCookie(SsoCookies.Pending, o => SsoSessions.ConfigureCookie(o, SsoCookies.Pending, TimeSpan.FromMinutes(5)));
        services.AddRazorPages(o => o.RootDirectory = "/Pages");
        // The pages are Chinese: write CJK as characters, not as numeric entities (everything else stays encoded).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(
                System.Text.Unicode.UnicodeRanges.BasicLatin, System.Text.Unicode.UnicodeRanges.CjkUnifiedIdeographs,
                System.Text.Unicode.UnicodeRanges.CjkSymbolsandPunctuation, System.Text.Unicode.UnicodeRanges.HalfwidthandFullwidthForms));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "congress.af";
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>The Razor sign-in pages (rate-limited POSTs) and their stylesheet.</summary>
    public static void MapSignInPages(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages()
            .AllowPublic("Sign-in pages: each page checks its own sign-in state")
            .RequireRateLimiting(RateLimitPolicies.SignIn);
        endpoints.MapGet("/account/account.css", () => Results.Text(Stylesheet.Value, "text/css; charset=utf-8"))
            .AllowPublic("Stylesheet of the sign-in pages").ExcludeFromDescription();
        endpoints.MapGet("/account/icon.svg", () => Results.Text(Icon.Value, "image/svg+xml"))
            .AllowPublic("Icon of the sign-in pages").ExcludeFromDescription();
    }

    private static readonly Lazy<string> Stylesheet = new(() => Resource("account.css"));

    private static readonly Lazy<string> Icon = new(() => Resource("icon.svg"));

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
