using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.BuildingBlocks.Persistence;

/// <summary>
/// Hand-written migrations stay provider-neutral: CLR types and lengths only, never store types.
/// Only names differ: PostgreSQL keeps each module in its schema, SQLite (no schemas) prefixes tables.
/// </summary>
public static class MigrationNaming
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public static bool IsSqlite(this MigrationBuilder migrationBuilder) => migrationBuilder.ActiveProvider == SqliteProvider;

    /// <summary>The schema to pass to MigrationBuilder calls: the module's on PostgreSQL, none on SQLite.</summary>
    public static string? ModuleSchema(this MigrationBuilder migrationBuilder, string schema) =>
        migrationBuilder.IsSqlite() ? null : schema;

    /// <summary>The table name: <c>schema_table</c> on SQLite, <c>table</c> on PostgreSQL.</summary>
    public static string ModuleTable(this MigrationBuilder migrationBuilder, string schema, string table) =>
        migrationBuilder.IsSqlite() ? $"{schema}_{table}" : table;
}
