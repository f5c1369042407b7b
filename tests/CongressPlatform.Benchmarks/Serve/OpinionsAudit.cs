using System.Data.Common;
using System.Globalization;
using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CongressPlatform.Benchmarks.Serve;

/// <summary>
/// <c>opinions-audit --provider Sqlite|PostgreSql --database CONNECTION --acknowledged FILE [--drop]</c>: after a load run of
/// the public opinion form (load/run-wrk-opinions.sh), reads the database directly — the server may have been killed —
/// and checks that every submission answered 201 (one "trackingCode idempotencyKey" per line of FILE) is stored, once.
/// Prints one <c>AUDIT</c> line and exits 1 when anything acknowledged is missing or stored twice.
/// </summary>
public static class OpinionsAudit
{
    public static async Task<int> RunAsync(string[] args)
    {
        DatabaseProvider? provider = null;
        string? connectionString = null;
        string? acknowledgedFile = null;
        var drop = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--provider":
                    provider = Enum.Parse<DatabaseProvider>(Next(), ignoreCase: true);
                    break;
                case "--database":
                    connectionString = Next();
                    break;
                case "--acknowledged":
                    acknowledgedFile = Next();
                    break;
                case "--drop":
                    drop = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Usage: opinions-audit --provider Sqlite|PostgreSql --database CONNECTION --acknowledged FILE [--drop]");
            }
        }
        if (provider is not { } p || connectionString is null || acknowledgedFile is null)
        {
            throw new ArgumentException("opinions-audit needs --provider, --database and --acknowledged.");
        }

        var acknowledged = new Dictionary<string, string>(StringComparer.Ordinal);
        var acknowledgedTwice = 0;
        foreach (var line in File.ReadLines(acknowledgedFile))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }
            if (!acknowledged.TryAdd(parts[0], parts.Length > 1 ? parts[1] : string.Empty))
            {
                acknowledgedTwice++;
            }
        }

        var table = p == DatabaseProvider.Sqlite ? "\"stations_opinions\"" : "\"stations\".\"opinions\"";
        var events = p == DatabaseProvider.Sqlite ? "\"stations_opinion_events\"" : "\"stations\".\"opinion_events\"";
        await using var connection = Open(p, connectionString);
        await connection.OpenAsync();
        var stored = new Dictionary<string, string?>(StringComparer.Ordinal);
        var storedTwice = 0;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT \"TrackingCode\", \"IdempotencyKey\" FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (!stored.TryAdd(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)))
                {
                    storedTwice++;
                }
            }
        }
        long receivedEvents;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT COUNT(*) FROM {events} WHERE \"Kind\" = 'received'";
            receivedEvents = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        await connection.CloseAsync();

        var missing = acknowledged.Where(a => !stored.TryGetValue(a.Key, out var key) || (a.Value.Length > 0 && key != a.Value)).ToList();
        var unacknowledged = stored.Count - acknowledged.Count(a => stored.ContainsKey(a.Key));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"AUDIT acknowledged={acknowledged.Count} stored={stored.Count} missing={missing.Count} stored_not_acknowledged={unacknowledged} duplicate_codes={storedTwice} acknowledged_twice={acknowledgedTwice} received_events={receivedEvents}"));
        foreach (var (code, key) in missing.Take(10))
        {
            Console.WriteLine($"AUDIT missing {code} {key}");
        }
        if (drop)
        {
            await BenchDatabase.DropAsync(p, connectionString);
        }
        return missing.Count == 0 && storedTwice == 0 && acknowledgedTwice == 0 ? 0 : 1;
    }

    private static DbConnection Open(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(connectionString)
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
}
