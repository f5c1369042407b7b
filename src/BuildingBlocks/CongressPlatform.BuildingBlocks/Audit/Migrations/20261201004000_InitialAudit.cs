using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.BuildingBlocks.Audit.Migrations;

/// <summary>
/// The platform audit log (ADR 0019): the entries, the chain-head row (seeded with the genesis hash) and the triggers
/// that keep the log append-only — UPDATE and TRUNCATE always refused, DELETE refused for entries younger than the
/// 180-day minimum retention. Hand-written and provider-neutral (ADR 0004) but for the triggers.
/// </summary>
[DbContext(typeof(AuditDbContext))]
[Migration("20261201004000_InitialAudit")]
internal sealed class InitialAudit : Migration
{
    private const string Schema = "audit";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.CreateModuleSchema(Schema);
        var entries = migrationBuilder.ModuleTable(Schema, "entries");
        var head = migrationBuilder.ModuleTable(Schema, "chain_head");
        migrationBuilder.CreateTable(
            name: entries,
            schema: schema,
            columns: table => new
            {
                Seq = table.Column<long>(nullable: false),
                Id = table.Column<Guid>(nullable: false),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                Category = table.Column<string>(maxLength: 16, nullable: false),
                Action = table.Column<string>(maxLength: 100, nullable: false),
                Outcome = table.Column<string>(maxLength: 16, nullable: false),
                ErrorCode = table.Column<string>(maxLength: 100, nullable: true),
                UserId = table.Column<Guid>(nullable: true),
                UserName = table.Column<string>(maxLength: 100, nullable: true),
                ActorId = table.Column<Guid>(nullable: true),
                TenantId = table.Column<Guid>(nullable: true),
                TenantPath = table.Column<string>(maxLength: 200, nullable: true),
                TenantName = table.Column<string>(maxLength: 100, nullable: true),
                IpAddress = table.Column<string>(maxLength: 45, nullable: true),
                UserAgent = table.Column<string>(maxLength: 300, nullable: true),
                JobKey = table.Column<string>(maxLength: 150, nullable: true),
                ClientId = table.Column<string>(maxLength: 100, nullable: true),
                EntityType = table.Column<string>(maxLength: 100, nullable: true),
                EntityId = table.Column<string>(maxLength: 100, nullable: true),
                Detail = table.Column<string>(maxLength: 1000, nullable: true),
                Changes = table.Column<string>(nullable: true),
                PrevHash = table.Column<string>(maxLength: 64, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{entries}", x => x.Seq));
        migrationBuilder.CreateIndex($"IX_{entries}_Id", entries, "Id", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{entries}_OccurredAtUtc", entries, "OccurredAtUtc", schema);
        migrationBuilder.CreateIndex($"IX_{entries}_UserId", entries, "UserId", schema);
        migrationBuilder.CreateIndex($"IX_{entries}_Action", entries, "Action", schema);
        migrationBuilder.CreateIndex($"IX_{entries}_TenantPath", entries, "TenantPath", schema);
        migrationBuilder.CreateIndex($"IX_{entries}_EntityType_EntityId", entries, ["EntityType", "EntityId"], schema);

        migrationBuilder.CreateTable(
            name: head,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                LastSeq = table.Column<long>(nullable: false),
                LastHash = table.Column<string>(maxLength: 64, nullable: false),
                CheckpointSeq = table.Column<long>(nullable: false),
                CheckpointHash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{head}", x => x.Id));
        string[] types = MigrationNaming.IsSqlite(migrationBuilder)
            ? ["INTEGER", "INTEGER", "TEXT", "INTEGER", "TEXT"]
            : ["integer", "bigint", "character varying(64)", "bigint", "character varying(64)"];
        migrationBuilder.InsertData(
            table: head,
            columns: ["Id", "LastSeq", "LastHash", "CheckpointSeq", "CheckpointHash"],
            columnTypes: types,
            values: [AuditChainHead.SingletonId, 0L, AuditChainHead.Genesis, 0L, AuditChainHead.Genesis],
            schema: schema);

        foreach (var statement in AppendOnlyTriggers(MigrationNaming.IsSqlite(migrationBuilder), entries))
        {
            migrationBuilder.Sql(statement);
        }
    }

    /// <summary>
    /// The triggers that refuse to change the log. Public to the tests, which drop and recreate them on SQLite the
    /// way a DBA with the file would, to prove that verification then finds the altered row.
    /// </summary>
    internal static IEnumerable<string> AppendOnlyTriggers(bool sqlite, string entries)
    {
        var days = Features.AuditOptions.MinimumRetentionDays;
        if (sqlite)
        {
            // RAISE(ABORT) rolls back the statement; the row stays as it was. Times are stored as ISO text, which compares in order.
            yield return $"""
                CREATE TRIGGER "{entries}_no_update" BEFORE UPDATE ON "{entries}"
                BEGIN
                    SELECT RAISE(ABORT, 'audit log is append-only: UPDATE refused (审计日志只能追加,不能修改)');
                END;
                """;
            yield return $"""
                CREATE TRIGGER "{entries}_no_early_delete" BEFORE DELETE ON "{entries}"
                WHEN OLD."OccurredAtUtc" >= strftime('%Y-%m-%d %H:%M:%S', 'now', '-{days} days')
                BEGIN
                    SELECT RAISE(ABORT, 'audit log is append-only: DELETE of an entry younger than {days} days refused (未过保留期的审计日志不能删除)');
                END;
                """;
            yield break;
        }
        yield return $"""
            CREATE FUNCTION "{Schema}"."{entries}_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND OLD."OccurredAtUtc" < now() - interval '{days} days' THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION 'audit log is append-only: % refused (审计日志只能追加;未过保留期的记录不能删除)', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END;
            $$;
            """;
        yield return $"""
            CREATE TRIGGER "{entries}_no_update_or_early_delete" BEFORE UPDATE OR DELETE ON "{Schema}"."{entries}"
                FOR EACH ROW EXECUTE FUNCTION "{Schema}"."{entries}_refuse_change"();
            """;
        yield return $"""
            CREATE TRIGGER "{entries}_no_truncate" BEFORE TRUNCATE ON "{Schema}"."{entries}"
                FOR EACH STATEMENT EXECUTE FUNCTION "{Schema}"."{entries}_refuse_change"();
            """;
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        var entries = migrationBuilder.ModuleTable(Schema, "entries");
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "chain_head"), schema);
        migrationBuilder.DropTable(entries, schema);
        if (!MigrationNaming.IsSqlite(migrationBuilder))
        {
            migrationBuilder.Sql($"""DROP FUNCTION IF EXISTS "{Schema}"."{entries}_refuse_change"();""");
        }
        migrationBuilder.DropOutboxTables(Schema);
    }
}
