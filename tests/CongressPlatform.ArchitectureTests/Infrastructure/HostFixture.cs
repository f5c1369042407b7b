using CongressPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.ArchitectureTests.Infrastructure;

/// <summary>The real host, built once for the tests that need its services: the permission catalogue, the endpoints, DI.</summary>
public sealed class HostFixture : IDisposable
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"congress-arch-{Guid.NewGuid():N}.db");
    private readonly Factory _factory;

    public HostFixture()
    {
        _factory = new Factory($"Data Source={_databaseFile}");
        Services = _factory.Services;
        Catalog = Services.GetRequiredService<PermissionCatalog>();
        Endpoints = Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    public IServiceProvider Services { get; }

    public PermissionCatalog Catalog { get; }

    public IReadOnlyList<RouteEndpoint> Endpoints { get; }

    public void Dispose()
    {
        _factory.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Left to the OS temp cleaner.
            }
        }
    }

    private sealed class Factory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Scheduler:Enabled", "false");
            builder.UseSetting("DemoData:Enabled", "false");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Sqlite", connectionString);
            builder.UseSetting("Authentication:DevelopmentHeaders:Enabled", "true");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}
