using System.Net.Http.Headers;
using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CongressPlatform.IntegrationTests.Infrastructure;

/// <summary>The real host, on a database of its own: a new SQLite file, or a new PostgreSQL database dropped afterwards.</summary>
public sealed class PlatformFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "CONGRESS_TEST_POSTGRES";

    private readonly Action<IServiceCollection>? _configureServices;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;

    public PlatformFactory(DatabaseProvider provider, string? connectionString = null,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        Provider = provider;
        // A factory drops only a database it made; one handed in belongs to the test (restarts share it).
        _ownsDatabase = connectionString is null;
        ConnectionString = connectionString ?? NewDatabase(provider);
        _settings = settings ?? new Dictionary<string, string?>();
        _configureServices = configureServices;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>This host's attachment store, a fresh temporary folder (removed on dispose).</summary>
    public string AttachmentsRoot { get; } = Path.Combine(Path.GetTempPath(), "congress-tests", $"attachments-{Guid.NewGuid():N}");

    public string ConnectionString { get; }

    public static string NewDatabase(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "congress-tests");
            Directory.CreateDirectory(folder);
            return $"Data Source={Path.Combine(folder, $"{Guid.NewGuid():N}.db")}";
        }
        var server = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        return new NpgsqlConnectionStringBuilder(server) { Database = $"congress_t_{Guid.NewGuid():N}" }.ConnectionString;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting(Provider == DatabaseProvider.Sqlite ? "ConnectionStrings:Sqlite" : "ConnectionStrings:PostgreSql", ConnectionString);
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("Authentication:DevelopmentHeaders:Enabled", "true");
        builder.UseSetting("Scheduler:Enabled", "false");
        builder.UseSetting("Outbox:IntervalSeconds", "3600");
        // Every test request comes from one address: the shared host must not limit the public pages (the ballots,
        // the station pages, the rota) across tests. The tests of the limits run hosts of their own with low limits.
        builder.UseSetting("RateLimits:PublicPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:TokenPerMinute", "100000");
        // The test server's address is http://localhost: the web client's registration follows it.
        builder.UseSetting("Identity:Spa:RedirectUris:0", SsoBrowser.RedirectUri);
        builder.UseSetting("Identity:Spa:PostLogoutRedirectUris:0", "http://localhost/");
        builder.UseSetting("Identity:Spa:Origins:0", "http://localhost");
        builder.UseSetting("Identity:AccessCheckSeconds", "1");
        builder.UseSetting("Attachments:Root", AttachmentsRoot);
        // 1 MB instead of 20: the oversize tests need not send 20 MB.
        builder.UseSetting("Attachments:MaxBytes", "1048576");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    /// <summary>A client signed in through the development header scheme.</summary>
    public HttpClient As(string user, string tenantCode, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Dev-User", user);
        client.DefaultRequestHeaders.Add("X-Dev-Tenant", tenantCode);
        client.DefaultRequestHeaders.Add("X-Dev-Roles", string.Join(',', roles));
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        return client;
    }

    public async Task<TenantInfo> TenantAsync(string code) =>
        await Services.GetRequiredService<ITenantDirectory>().FindByCodeAsync(code, CancellationToken.None)
        ?? throw new InvalidOperationException($"No tenant '{code}'.");

    public Task<int> DispatchOutboxAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(AttachmentsRoot))
        {
            Directory.Delete(AttachmentsRoot, recursive: true);
        }
        if (_ownsDatabase)
        {
            await DropDatabaseAsync(Provider, ConnectionString);
        }
    }

    public static async Task DropDatabaseAsync(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            // FORCE cannot end a backend of another role — an autovacuum worker that has just started on the database
            // after a test's deletes (42501) — nor one still starting (55006): they end on their own within moments.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)", connection);
                    await command.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState is "42501" or "55006" && attempt < 40)
                {
                    await Task.Delay(500);
                }
            }
        }
        else
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // A file still open by a finalising connection is left for the OS temp cleaner.
                }
            }
        }
    }
}
