using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CongressPlatform.Benchmarks.Serve;

/// <summary>A database of the benchmark's own: a new SQLite file under /tmp, or a new PostgreSQL database, removed at exit.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private BenchDatabase(DatabaseProvider provider, string connectionString, string description, bool keep = false)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
        Keep = keep;
    }

    /// <summary>Left in place at exit (<c>--keep-database</c>, <c>--database</c>).</summary>
    public bool Keep { get; }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string Description { get; }

    public static async Task<BenchDatabase> CreateAsync(ServeOptions options)
    {
        if (options.ExistingDatabase is { } existing)
        {
            return new BenchDatabase(options.Provider, existing, Describe(options.Provider, existing), keep: true);
        }
        var suffix = Guid.NewGuid().ToString("N")[..12];
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "congress-bench");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"bench_{suffix}.db");
            return new BenchDatabase(options.Provider, $"Data Source={path}", path, options.KeepDatabase);
        }
        var target = new NpgsqlConnectionStringBuilder(options.PostgresServer) { Database = $"congress_bench_{suffix}" };
        await using (var connection = new NpgsqlConnection(AdminConnection(target)))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\" ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new BenchDatabase(options.Provider, target.ConnectionString, Describe(options.Provider, target.ConnectionString), options.KeepDatabase);
    }

    /// <summary>Drops (PostgreSQL) or deletes (SQLite) a database left by <c>--keep-database</c>.</summary>
    public static ValueTask DropAsync(DatabaseProvider provider, string connectionString) =>
        new BenchDatabase(provider, connectionString, Describe(provider, connectionString)).DisposeAsync();

    private static string Describe(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new SqliteConnectionStringBuilder(connectionString).DataSource;
        }
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database {target.Database} on {target.Host}:{target.Port}";
    }

    public async ValueTask DisposeAsync()
    {
        if (Keep)
        {
            Console.WriteLine($"bench: kept {Description}");
            return;
        }
        if (Provider == DatabaseProvider.PostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            var target = new NpgsqlConnectionStringBuilder(ConnectionString);
            await using var connection = new NpgsqlConnection(AdminConnection(target));
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
            Console.WriteLine($"bench: dropped {target.Database}");
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Description, Description + "-wal", Description + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Still open by a finalising connection: /tmp is cleaned by the OS.
            }
        }
        Console.WriteLine($"bench: removed {Description}");
    }

    private static string AdminConnection(NpgsqlConnectionStringBuilder target) =>
        new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
}
