using System.Data.Common;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Platform;

/// <summary>
/// The hand-written migrations (ADR 0004) must build exactly the schema the model describes: one
/// database is built by Migrate(), one from the model itself, and their tables, columns, keys,
/// indexes and foreign keys are compared — per module, on SQLite and PostgreSQL.
/// </summary>
public sealed class MigrationSchemaTests
{
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["DemoData:Enabled"] = "false",
    };

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Migrated_schema_equals_the_model_for_every_module(DatabaseProvider provider)
    {
        await using var migrated = new PlatformFactory(provider, settings: Quiet);
        _ = migrated.Server;

        var fromModel = new Dictionary<string, string?>(Quiet) { ["Database:MigrateOnStartup"] = "false" };
        await using var created = new PlatformFactory(provider, settings: fromModel);
        _ = created.Server;
        var registrations = created.Services.GetRequiredService<ModuleDbContextRegistry>().All;
        registrations.Select(r => r.Schema).Should().Contain(["identity", "deputies", "scheduler", "attachments", "calendar", "audit", "exports", "notifications", "stations"]);
        var first = true;
        foreach (var registration in registrations)
        {
            using var scope = created.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (first && !await creator.ExistsAsync())
            {
                await creator.CreateAsync();
            }
            first = false;
            await creator.CreateTablesAsync();
        }

        foreach (var registration in registrations)
        {
            var expected = await DescribeAsync(created, registration);
            var actual = await DescribeAsync(migrated, registration);
            expected.Should().NotBeEmpty();
            actual.Should().Equal(expected, $"the migrations of module '{registration.Schema}' must build the model's schema on {provider}");
        }
    }

    private static async Task<List<string>> DescribeAsync(PlatformFactory factory, ModuleDbContextRegistration registration)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return factory.Provider == DatabaseProvider.Sqlite
                ? await DescribeSqliteAsync(connection, registration.Schema + "_")
                : await DescribePostgresAsync(connection, registration.Schema);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<List<string>> DescribeSqliteAsync(DbConnection connection, string prefix)
    {
        var rows = new List<string>();
        var tables = await QueryAsync(connection,
            $"SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '{prefix}%' ORDER BY name", r => r.GetString(0));
        foreach (var table in tables)
        {
            rows.Add($"table {table}");
            rows.AddRange(await QueryAsync(connection, $"PRAGMA table_info('{table}')",
                r => $"column {table}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetInt64(3)} pk={r.GetInt64(5)}"));
            var indexes = await QueryAsync(connection, $"PRAGMA index_list('{table}')",
                r => (Name: r.GetString(1), Unique: r.GetInt64(2), Origin: r.GetString(3)));
            foreach (var index in indexes.Where(i => i.Origin != "pk"))
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info('{index.Name}')", r => r.GetString(2));
                rows.Add($"index {table}({string.Join(',', columns)}) unique={index.Unique}");
            }
            rows.AddRange(await QueryAsync(connection, $"PRAGMA foreign_key_list('{table}')",
                r => $"fk {table}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static async Task<List<string>> DescribePostgresAsync(DbConnection connection, string schema)
    {
        var rows = new List<string>();
        rows.AddRange(await QueryAsync(connection,
            $"""
            SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || coalesce(' p' || numeric_precision || ',' || numeric_scale, '') || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '')
            FROM information_schema.columns
            WHERE table_schema = '{schema}' AND table_name NOT LIKE '\_\_%'
            """, r => "column " + r.GetString(0)));
        rows.AddRange(await QueryAsync(connection,
            $"""
            SELECT t.relname || '(' || array_to_string(array(
                     SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord), ',')
                   || ') unique=' || i.indisunique || ' primary=' || i.indisprimary
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = '{schema}' AND t.relname NOT LIKE '\_\_%'
            """, r => "index " + r.GetString(0)));
        rows.AddRange(await QueryAsync(connection,
            $"""
            SELECT c.conrelid::regclass::text || ' ' || pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = '{schema}' AND c.contype = 'f'
            """, r => "fk " + r.GetString(0)));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(read(reader));
        }
        return list;
    }
}
