using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using CongressPlatform.BuildingBlocks.Attachments;
using CongressPlatform.BuildingBlocks.Audit;
using CongressPlatform.BuildingBlocks.Calendar;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.BuildingBlocks.Messaging;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Scheduling;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.BuildingBlocks.Web;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.BuildingBlocks.Hosting;

/// <summary>Rate-limiter policy names, ready for public and sign-in endpoints.</summary>
public static class RateLimitPolicies
{
    /// <summary>Anonymous public pages and forms (residents), per client address.</summary>
    public const string Public = "public";

    /// <summary>Sign-in forms, per client address.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Token endpoint, per client address.</summary>
    public const string Token = "token";
}

/// <summary><c>RateLimits:*</c>: permits per minute per client address for each policy.</summary>
public sealed class RateLimitOptions
{
    public int PublicPerMinute { get; set; } = 60;
    public int SignInPerMinute { get; set; } = 10;
    public int TokenPerMinute { get; set; } = 120;
}

/// <summary><c>Authentication:DevelopmentHeaders:*</c>.</summary>
public sealed class DevelopmentAuthenticationOptions
{
    public bool Enabled { get; set; }
}

public static class PlatformHost
{
    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en-US")];

    /// <summary>Everything the modules stand on, then each module's own services, in the order of the list.</summary>
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.JsonWriterOptions = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });

        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddLocalization();
        services.Configure<RequestLimitsOptions>(configuration.GetSection(RequestLimitsOptions.Section));
        services.AddReverseProxySupport(configuration);

        // JSON: unknown members are refused (no field may smuggle a tenant or an id), enums as names.
        services.Configure<HttpJsonOptions>(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTitles.Customize);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        // Tenancy and the current user: one per request (or per job scope).
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(p => p.GetRequiredService<TenantContext>());
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(p => p.GetRequiredService<CurrentUser>());

        // Permissions: the platform's own and each module's.
        services.AddPermissions(PlatformPermissions.Definitions);
        services.AddSingleton(p => new PermissionCatalog(p.GetServices<PermissionDefinition>()));
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddAuthorization();
        AddAuthentication(builder);
        AddRateLimits(builder);

        services.AddPlatformPersistence(configuration, builder.Environment);
        var assemblies = modules.Select(m => m.Assembly).Append(typeof(PlatformHost).Assembly).ToList();
        services.AddPlatformMessaging(assemblies);
        services.AddSingleton(new IntegrationEventTypes(modules.Select(m => m.ContractsAssembly).Concat(assemblies)));
        services.AddSingleton<OutboxDispatcher>();
        services.AddPlatformScheduling(configuration);
        services.AddPlatformAttachments(configuration);
        services.AddPlatformCalendar();
        services.AddPlatformAudit(configuration);
        services.AddPlatformExports(configuration);

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        foreach (var module in modules)
        {
            module.AddServices(services, configuration, builder.Environment);
        }
        return builder;
    }

    /// <summary>
    /// The API's authentication: a bearer access token (the scheme <see cref="BearerScheme"/>, which the
    /// Identity module registers), or — in Development and tests only — the header scheme. A policy
    /// scheme picks one per request; cookies never authenticate an API call (no CSRF surface).
    /// </summary>
    public const string BearerScheme = "Bearer";

    private const string ApiScheme = "Api";

    private static void AddAuthentication(WebApplicationBuilder builder)
    {
        var development = builder.Configuration.GetSection("Authentication:DevelopmentHeaders").Get<DevelopmentAuthenticationOptions>() ?? new();
        var fallback = development.Enabled ? DevelopmentAuthenticationHandler.SchemeName : NoAuthenticationHandler.SchemeName;
        var authentication = builder.Services.AddAuthentication(o => o.DefaultScheme = ApiScheme);
        authentication.AddPolicyScheme(ApiScheme, "Bearer token or development headers", o => o.ForwardDefaultSelector = context =>
            context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? BearerScheme : fallback);
        if (development.Enabled)
        {
            // The header scheme trusts whatever a client says: it must never exist in production.
            if (builder.Environment.IsProduction())
            {
                throw new InvalidOperationException(
                    "Authentication:DevelopmentHeaders:Enabled is true in the Production environment. Refusing to start.");
            }
            authentication.AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(DevelopmentAuthenticationHandler.SchemeName, null);
        }
        else
        {
            authentication.AddScheme<AuthenticationSchemeOptions, NoAuthenticationHandler>(NoAuthenticationHandler.SchemeName, null);
        }
    }

    private static void AddRateLimits(WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicies.Public, c => PerAddress(c, limits.PublicPerMinute));
            // Sign-in: only form posts count (showing the page costs nothing to an attacker or to us).
            o.AddPolicy(RateLimitPolicies.SignIn, c => HttpMethods.IsPost(c.Request.Method)
                ? PerAddress(c, limits.SignInPerMinute)
                : RateLimitPartition.GetNoLimiter("sign-in-page"));
            o.AddPolicy(RateLimitPolicies.Token, c => PerAddress(c, limits.TokenPerMinute));
            o.OnRejected = async (context, token) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Type = "/problems/rate_limited",
                        Detail = Text.Of("提交过于频繁,请稍后再试。", "Too many requests; please try again shortly."),
                        Extensions = { ["code"] = "rate_limited" },
                    },
                });
            };
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    /// <summary>The request pipeline: the client's address behind the proxy, ids and headers, errors, localization, sign-in, tenant, permissions, then the modules.</summary>
    public static WebApplication UsePlatform(this WebApplication app, IReadOnlyList<IModule> modules)
    {
        app.UseReverseProxySupport();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Culture first, so that error pages and problem details written on the way out are in the request's language.
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowPublic("Liveness probe");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowPublic("Readiness probe");

        app.MapPlatformSchedulerEndpoints();
        app.MapPlatformAttachmentEndpoints();
        app.MapPlatformCalendarEndpoints();
        app.MapPlatformAuditEndpoints();
        app.MapPlatformExportEndpoints();
        foreach (var module in modules)
        {
            module.MapEndpoints(app);
        }
        return app;
    }
}

/// <summary>The scheme in force when no sign-in is configured: nobody is authenticated, challenges answer 401.</summary>
internal sealed class NoAuthenticationHandler(
    Microsoft.Extensions.Options.IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, System.Text.Encodings.Web.UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "None";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
}
