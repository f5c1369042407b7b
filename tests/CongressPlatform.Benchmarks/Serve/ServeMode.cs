using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Hosting;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Features.HandlingUnits;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CongressPlatform.Benchmarks.Serve;

/// <summary>
/// The real platform, composed as Program.cs composes it (<c>AddPlatform</c> + <c>UsePlatform</c> with
/// <see cref="Host.Modules.All"/>), on Kestrel at 127.0.0.1, on a fresh database with the demo district
/// and N extra handling units, plus one baseline endpoint that runs the list query with no MediatR,
/// no authentication or authorization and no query filters. Stops on Ctrl+C / SIGTERM or after
/// <c>--max-seconds</c>, then deletes its database.
/// </summary>
public static class ServeMode
{
    public const string BarePath = "/bench/bare/handling-units";
    public const string TenantsPath = "/bench/tenants";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ServeOptions.Parse(args);
        await using var database = await BenchDatabase.CreateAsync(options);
        Console.WriteLine($"bench: {options.Provider} on {database.Description}, {options.Units} extra handling units");
        if (database.Keep)
        {
            // The load script audits a kept database after the server is gone (opinions-audit).
            Console.WriteLine($"bench: database {database.ConnectionString}");
        }

        var app = await BuildAsync(options, database, "Information");
        await SeedHandlingUnitsAsync(app.Services, options.Units);
        var sample = new List<Guid>();
        await Deputies.DeputiesSeed.SeedAsync(app.Services, options.Deputies, options.DutyRecords, sample);
        foreach (var id in sample)
        {
            Console.WriteLine($"bench: deputy {id}");
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxSeconds));
        using var stopOnLimit = limit.Token.Register(() =>
        {
            Console.WriteLine($"bench: --max-seconds {options.MaxSeconds} reached, stopping");
            app.Lifetime.StopApplication();
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// The platform as Program.cs composes it, on <paramref name="database"/>, migrated, with the startup tasks
    /// run (demo district and accounts, the OpenID provider's signing keys and clients) — not started.
    /// <paramref name="logLevel"/> is the default level (the host's is Information).
    /// </summary>
    internal static async Task<WebApplication> BuildAsync(ServeOptions options, BenchDatabase database, string logLevel)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            // The host's name, as in the real process: MVC finds its application parts (the Identity module's
            // Razor sign-in pages) through the ApplicationPart attributes the Web SDK writes into the host assembly.
            ApplicationName = typeof(Host.Modules).Assembly.GetName().Name,
            // Not Production (the development header scheme refuses to start there), not Development (no developer pages).
            EnvironmentName = "Benchmark",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The host's appsettings.json logging levels, so the platform logs what it logs in production.
            ["Logging:LogLevel:Default"] = logLevel,
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:Quartz"] = "Warning",
            ["Database:Provider"] = options.Provider.ToString(),
            [options.Provider == DatabaseProvider.Sqlite ? "ConnectionStrings:Sqlite" : "ConnectionStrings:PostgreSql"] = database.ConnectionString,
            ["DemoData:Enabled"] = "true",
            ["Authentication:DevelopmentHeaders:Enabled"] = "true",
            ["Scheduler:Enabled"] = "false",
            // The production limits (10 sign-in posts and 120 token requests a minute per address) would measure
            // the limiter, not the server: every load request comes from 127.0.0.1. Raised here only.
            ["RateLimits:SignInPerMinute"] = options.RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:TokenPerMinute"] = options.RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Likewise the public pages (60 a minute per address) and the opinion form (30 a minute per station).
            ["RateLimits:PublicPerMinute"] = options.RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:OpinionsPerStationPerMinute"] = options.RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.AddPlatform(Host.Modules.All);

        var app = builder.Build();
        app.UsePlatform(Host.Modules.All);
        MapBenchmarkEndpoints(app);

        await app.Services.MigrateModulesAsync();
        await app.Services.RunStartupTasksAsync();
        return app;
    }

    /// <summary>The baseline endpoint and a tenant code → id map for the load script; both public, both benchmark-only.</summary>
    internal static void MapBenchmarkEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet(BarePath, ListBareAsync).AllowPublic("benchmark baseline");
        app.MapGet(TenantsPath, async (IServiceScopeFactory scopes, CancellationToken ct) =>
        {
            using var scope = scopes.CreateSystemScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            return await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        }).AllowPublic("benchmark baseline");
    }

    /// <summary>
    /// The query of <see cref="ListHandlingUnitsQueryHandler"/> with its default arguments (no search,
    /// active units only, first page of 20): the same count, join, order, paging and projection — but the
    /// tenant is an explicit <c>Where</c>, the named filters are ignored, and nothing else runs around it.
    /// </summary>
    internal static async Task<PagedResult<HandlingUnitDto>> ListBareAsync(
        Guid tenantId, int? page, int? pageSize, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var units = db.HandlingUnits.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.TenantId == tenantId)
            .Where(u => u.IsActive);

        var total = await units.CountAsync(cancellationToken);
        var items = await units
            .Join(db.Tenants.IgnoreQueryFilters(), u => u.TenantId, t => t.Id, (u, t) => new { u, t })
            .OrderBy(x => x.t.Path).ThenBy(x => x.u.Name).ThenBy(x => x.u.Id)
            .Skip((p - 1) * size).Take(size)
            .Select(x => new HandlingUnitDto(x.u.Id, x.u.TenantId, x.t.Name, x.u.Name, x.u.Kind, x.u.ContactName, x.u.ContactPhone, x.u.IsActive, x.u.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<HandlingUnitDto>(items, total, p, size);
    }

    /// <summary>N handling units spread round-robin over every tenant of the demo district; one in ten inactive.</summary>
    internal static async Task SeedHandlingUnitsAsync(IServiceProvider services, int count)
    {
        if (count <= 0)
        {
            return;
        }
        var kinds = Enum.GetValues<HandlingUnitKind>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var tenants = await db.Tenants.AsNoTracking().OrderBy(t => t.Path).ToListAsync();
        for (var i = 0; i < count; i++)
        {
            var tenant = tenants[i % tenants.Count];
            var unit = HandlingUnit.Create($"压测承办单位{i:D5}", kinds[i % kinds.Length], $"联系人{i % 97}", $"0571-{i:D8}", now);
            if (i % 10 == 9)
            {
                unit.Update(unit.Name, unit.Kind, unit.ContactName, unit.ContactPhone, isActive: false);
            }
            ((ITenantOwned)unit).AssignTenant(tenant.Id, tenant.Path);
            db.HandlingUnits.Add(unit);
            if ((i + 1) % 500 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        var perTenant = await db.HandlingUnits.GroupBy(u => u.TenantId).Select(g => g.Count()).ToListAsync();
        Console.WriteLine($"bench: seeded {count} handling units over {tenants.Count} tenants ({perTenant.Min()}–{perTenant.Max()} per tenant with the demo ones)");
        foreach (var tenant in tenants)
        {
            Console.WriteLine($"bench: tenant {tenant.Code} {tenant.Id}");
        }
    }
}
