using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Identity.Persistence.Migrations;

/// <summary>
/// The identity audit log, append-only in the database itself (ADR 0015): triggers refuse every UPDATE and
/// DELETE (and, on PostgreSQL, TRUNCATE). Hand-written and provider-neutral (ADR 0004) but for the triggers,
/// which each provider writes in its own dialect.
/// </summary>
[DbContext(typeof(IdentityDbContext))]
[Migration("20261122000500_IdentityAudit")]
internal sealed class IdentityAudit : Migration
{
    private const string Schema = "identity";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        var log = migrationBuilder.ModuleTable(Schema, "audit_log");
        migrationBuilder.CreateTable(
            name: log,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OccurredAtUtc = table.Column<DateTime>(nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                Outcome = table.Column<string>(maxLength: 16, nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                UserName = table.Column<string>(maxLength: 64, nullable: true),
                ActorId = table.Column<Guid>(nullable: true),
                TenantId = table.Column<Guid>(nullable: true),
                ClientId = table.Column<string>(maxLength: 100, nullable: true),
                IpAddress = table.Column<string>(maxLength: 45, nullable: true),
                UserAgent = table.Column<string>(maxLength: 300, nullable: true),
                Detail = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{log}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{log}_OccurredAtUtc", log, "OccurredAtUtc", schema);
        migrationBuilder.CreateIndex($"IX_{log}_UserId", log, "UserId", schema);
        migrationBuilder.CreateIndex($"IX_{log}_Kind", log, "Kind", schema);

        if (MigrationNaming.IsSqlite(migrationBuilder))
        {
            // RAISE(ABORT) rolls back the statement; the row stays as it was.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{log}_no_update" BEFORE UPDATE ON "{log}"
                BEGIN
                    SELECT RAISE(ABORT, 'identity audit log is append-only: UPDATE refused (审计日志只能追加,不能修改)');
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{log}_no_delete" BEFORE DELETE ON "{log}"
                BEGIN
                    SELECT RAISE(ABORT, 'identity audit log is append-only: DELETE refused (审计日志只能追加,不能删除)');
                END;
                """);
        }
        else
        {
            migrationBuilder.Sql($"""
                CREATE FUNCTION "{Schema}"."{log}_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'identity audit log is append-only: % refused (审计日志只能追加,不能修改或删除)', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{log}_no_update_or_delete" BEFORE UPDATE OR DELETE ON "{Schema}"."{log}"
                    FOR EACH ROW EXECUTE FUNCTION "{Schema}"."{log}_refuse_change"();
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{log}_no_truncate" BEFORE TRUNCATE ON "{Schema}"."{log}"
                    FOR EACH STATEMENT EXECUTE FUNCTION "{Schema}"."{log}_refuse_change"();
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        var log = migrationBuilder.ModuleTable(Schema, "audit_log");
        if (MigrationNaming.IsSqlite(migrationBuilder))
        {
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{log}_no_delete";""");
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{log}_no_update";""");
        }
        else
        {
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{log}_no_truncate" ON "{Schema}"."{log}";""");
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{log}_no_update_or_delete" ON "{Schema}"."{log}";""");
            migrationBuilder.Sql($"""DROP FUNCTION IF EXISTS "{Schema}"."{log}_refuse_change"();""");
        }
        migrationBuilder.DropTable(log, schema);
    }
}
