using CongressPlatform.BuildingBlocks.Audit;
using CongressPlatform.BuildingBlocks.Execution;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CongressPlatform.BuildingBlocks.Persistence;

public sealed record ModuleDbContextRegistration(Type ContextType, string Schema);

/// <summary>Every module DbContext in the order modules were registered (migrations run in this order).</summary>
public sealed class ModuleDbContextRegistry(IEnumerable<ModuleDbContextRegistration> registrations)
{
    public IReadOnlyList<ModuleDbContextRegistration> All { get; } = registrations.ToList();
}

public static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddPlatformPersistence(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    options.ConnectionString = options.Provider switch
                    {
                        DatabaseProvider.Sqlite => configuration.GetConnectionString("Sqlite") ?? "Data Source=data/congress.db",
                        DatabaseProvider.PostgreSql => configuration.GetConnectionString("PostgreSql")
                            ?? throw new InvalidOperationException("Database:Provider is PostgreSql but ConnectionStrings:PostgreSql is not set."),
                        _ => throw new InvalidOperationException($"Unsupported database provider {options.Provider}."),
                    };
                }
                if (options.Provider == DatabaseProvider.Sqlite)
                {
                    options.ConnectionString = NormalizeSqlite(options.ConnectionString, environment.ContentRootPath);
                }
                else if (options.Provider == DatabaseProvider.PostgreSql)
                {
                    options.ConnectionString = PostgreSqlConnectionDefaults.Apply(options.ConnectionString);
                }
            });
        services.TryAddSingleton<TenantSaveInterceptor>();
        services.TryAddSingleton<AuditChangeInterceptor>();
        services.TryAddSingleton<SqliteWriteCoordinator>();
        services.TryAddScoped<AuditCollector>();
        services.TryAddScoped<ModuleDbContextDependencies>();
        services.TryAddSingleton<ModuleDbContextRegistry>();
        return services;
    }

    /// <summary>Registers a module's DbContext on the configured provider, with its own migrations history table.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services)
        where TContext : ModuleDbContext, IModuleSchema
    {
        var schema = TContext.SchemaName;
        services.AddDbContext<TContext>((provider, options) =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            switch (database.Provider)
            {
                case DatabaseProvider.Sqlite:
                    options.UseSqlite(database.ConnectionString, sqlite => sqlite.MigrationsHistoryTable($"__{schema}_migrations"));
                    // One writer at a time without busy sleeps, commits made durable by a shared fsync (ADR 0023).
                    options.AddInterceptors(provider.GetRequiredService<SqliteWriteCoordinator>());
                    break;
                case DatabaseProvider.PostgreSql:
                    options.UseNpgsql(database.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__migrations", schema));
                    break;
                default:
                    throw new InvalidOperationException($"Unsupported database provider {database.Provider}.");
            }
            // The tenant is stamped first, so the audit sees the row as it is saved.
            options.AddInterceptors(provider.GetRequiredService<TenantSaveInterceptor>(), provider.GetRequiredService<AuditChangeInterceptor>());
            // Migrations are hand-written without a model snapshot (ADR 0004); the schema tests compare model and database instead.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        },
        // The options are the same for every scope: built once, not per request (building them, and EF Core comparing
        // them to find its internal service provider, was a third of a small request's allocations).
        optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton(new ModuleDbContextRegistration(typeof(TContext), schema));
        return services;
    }

    /// <summary>Applies every module's pending migrations, in registration order, under EF Core's migration lock.</summary>
    public static async Task MigrateModulesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("CongressPlatform.Migrations");
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            PrepareSqliteFile(database.ConnectionString);
        }
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        foreach (var registration in services.GetRequiredService<ModuleDbContextRegistry>().All)
        {
            using var scope = scopes.CreateSystemScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) to {Schema}: {Migrations}", pending.Count, registration.Schema, pending);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
    }

    private static string NormalizeSqlite(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, DefaultTimeout = 30 };
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }
        return builder.ToString();
    }

    private static void PrepareSqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource == ":memory:")
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL lets readers go on while one writer commits; it is a property of the file, set once.
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
