namespace CongressPlatform.BuildingBlocks.Persistence;

public enum DatabaseProvider
{
    Sqlite = 0,
    PostgreSql = 1,
}

/// <summary><c>Database:*</c> settings. The provider is one setting; SQL Server can be added behind it once its client restores.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Resolved connection string for the chosen provider (from <c>ConnectionStrings:Sqlite</c> or <c>ConnectionStrings:PostgreSql</c>).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Apply pending migrations at start-up (under EF Core's migration lock).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
