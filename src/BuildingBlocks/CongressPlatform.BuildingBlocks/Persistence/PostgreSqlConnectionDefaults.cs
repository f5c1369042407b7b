using Npgsql;

namespace CongressPlatform.BuildingBlocks.Persistence;

/// <summary>
/// What the platform adds to a PostgreSQL connection string that does not say otherwise (ADR 0024):
/// <list type="bullet">
/// <item><c>Max Auto Prepare=30</c> — the statements a connection runs most are prepared once on the server instead of
/// parsed and planned on every execution;</item>
/// <item><c>No Reset On Close=true</c> — a connection going back to the pool is not reset with <c>DISCARD ALL</c> (which
/// would also drop the prepared statements). The platform keeps no session state on a connection: no <c>SET</c>
/// outside a transaction, no temporary tables, no <c>LISTEN</c>, no session advisory locks.</item>
/// </list>
/// Together they took the public opinion form on PostgreSQL from about 356 to about 647 submissions a second on the
/// 2-core machine (docs/performance.md §G). An operator's own value for either keyword is kept.
/// </summary>
public static class PostgreSqlConnectionDefaults
{
    public const int MaxAutoPrepare = 30;

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }
        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>Whether the operator's string names the keyword (in any of its spellings and cases).</summary>
    private static bool Mentions(string connectionString, params string[] keywords)
    {
        var parsed = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return parsed.Keys.Cast<string>().Any(k => keywords.Any(w => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), w.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));
    }
}
