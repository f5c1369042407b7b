using System.Globalization;
using CongressPlatform.BuildingBlocks.Persistence;

namespace CongressPlatform.Benchmarks.Serve;

/// <summary><c>serve [--provider Sqlite|PostgreSql] [--units N] [--port P] [--max-seconds S] [--postgres CONNECTION] [--rate-limit N] [--deputies N] [--duty-records N] [--keep-database] [--database CONNECTION]</c>.
/// <c>--keep-database</c> leaves the database in place at exit (its connection string is printed); <c>--database</c> serves
/// an existing one (e.g. after a SIGKILL, to show it starts again) and keeps it.</summary>
public sealed record ServeOptions(DatabaseProvider Provider, int Units, int Port, int MaxSeconds, string? PostgresServer, int RateLimitPerMinute = ServeOptions.DefaultRateLimit, int Deputies = 0, int DutyRecords = 0, bool KeepDatabase = false, string? ExistingDatabase = null)
{
    /// <summary>Sign-in posts, token requests, public pages a minute per address and opinions a minute per station in serve mode (production: 10, 120, 60 and 30).</summary>
    public const int DefaultRateLimit = 1_000_000;

    public const int DefaultPort = 5090;
    public const int DefaultUnits = 2000;

    /// <summary>Where the PostgreSQL server's connection string is looked for when neither the option nor the variable gives one.</summary>
    public const string PostgresFile = "/tmp/congress_pg.txt";

    public const string PostgresVariable = "CONGRESS_BENCH_POSTGRES";

    public static ServeOptions Parse(IReadOnlyList<string> args)
    {
        var provider = DatabaseProvider.Sqlite;
        var units = DefaultUnits;
        var port = DefaultPort;
        var maxSeconds = 900;
        string? postgres = null;
        var rateLimit = DefaultRateLimit;
        var deputies = 0;
        var records = 0;
        var keep = false;
        string? existing = null;
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--provider":
                    provider = Enum.Parse<DatabaseProvider>(Next(), ignoreCase: true);
                    break;
                case "--units":
                    units = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--port":
                    port = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--max-seconds":
                    maxSeconds = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--postgres":
                    postgres = Next();
                    break;
                case "--rate-limit":
                    rateLimit = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--deputies":
                    deputies = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--duty-records":
                    records = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--keep-database":
                    keep = true;
                    break;
                case "--database":
                    existing = Next();
                    keep = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Usage: serve [--provider Sqlite|PostgreSql] [--units N] [--port P] [--max-seconds S] [--postgres CONNECTION] [--rate-limit N] [--deputies N] [--duty-records N] [--keep-database] [--database CONNECTION]");
            }
        }
        if (provider == DatabaseProvider.PostgreSql && existing is null && string.IsNullOrWhiteSpace(postgres))
        {
            postgres = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(postgres) && File.Exists(PostgresFile))
            {
                postgres = File.ReadAllText(PostgresFile).Trim();
            }
            if (string.IsNullOrWhiteSpace(postgres))
            {
                throw new ArgumentException($"--provider PostgreSql needs --postgres, {PostgresVariable} or {PostgresFile}.");
            }
        }
        return new ServeOptions(provider, units, port, maxSeconds, postgres, rateLimit, deputies, records, keep, existing);
    }
}
