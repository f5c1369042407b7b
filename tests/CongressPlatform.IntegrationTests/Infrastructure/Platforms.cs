using System.Collections.Concurrent;
using CongressPlatform.BuildingBlocks.Persistence;

namespace CongressPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// One shared host per database provider for the whole test run. Tests create their own rows
/// (unique names) next to the demo district, so they never depend on each other's data.
/// </summary>
public sealed class Platforms : IAsyncLifetime
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<PlatformFactory>>> _factories = new();
    private readonly Func<DatabaseProvider, PlatformFactory> _create;

    public Platforms()
        : this(p => new PlatformFactory(p))
    {
    }

    /// <summary>Shared hosts made another way (a fixture with test-only services or settings).</summary>
    internal Platforms(Func<DatabaseProvider, PlatformFactory> create) => _create = create;

    /// <summary>SQLite always; PostgreSQL too when <c>CONGRESS_TEST_POSTGRES</c> is set (CI always sets it).</summary>
    public static TheoryData<DatabaseProvider> Providers
    {
        get
        {
            var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PlatformFactory.PostgresVariable)))
            {
                data.Add(DatabaseProvider.PostgreSql);
            }
            return data;
        }
    }

    public Task<PlatformFactory> GetAsync(DatabaseProvider provider) =>
        _factories.GetOrAdd(provider, p => new Lazy<Task<PlatformFactory>>(async () =>
        {
            var factory = _create(p);
            // Starting the server runs migrations and the demo data; then deliver the demo's events.
            _ = factory.Server;
            await factory.DispatchOutboxAsync();
            return factory;
        })).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var lazy in _factories.Values)
        {
            await (await lazy.Value).DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<Platforms>
{
    public const string Name = "platform";
}
