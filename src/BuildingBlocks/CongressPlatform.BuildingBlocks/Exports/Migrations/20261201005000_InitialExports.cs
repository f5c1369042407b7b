using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.BuildingBlocks.Exports.Migrations;

/// <summary>The export jobs table (hand-written, provider-neutral: ADR 0004).</summary>
[DbContext(typeof(ExportsDbContext))]
[Migration("20261201005000_InitialExports")]
internal sealed class InitialExports : Migration
{
    private const string Schema = "exports";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.CreateModuleSchema(Schema);
        var jobs = migrationBuilder.ModuleTable(Schema, "jobs");
        migrationBuilder.CreateTable(
            name: jobs,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                UserName = table.Column<string>(maxLength: 100, nullable: false),
                Roles = table.Column<string>(maxLength: 500, nullable: false),
                Source = table.Column<string>(maxLength: 100, nullable: false),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                Format = table.Column<string>(maxLength: 10, nullable: false),
                FilterJson = table.Column<string>(maxLength: 4000, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                TotalRows = table.Column<int>(nullable: false),
                RowsWritten = table.Column<int>(nullable: false),
                SizeBytes = table.Column<long>(nullable: true),
                FileName = table.Column<string>(maxLength: 200, nullable: true),
                StorageKey = table.Column<string>(maxLength: 100, nullable: true),
                Error = table.Column<string>(maxLength: 500, nullable: true),
                Attempts = table.Column<int>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                StartedAtUtc = table.Column<DateTime>(nullable: true),
                CompletedAtUtc = table.Column<DateTime>(nullable: true),
                ExpiresAtUtc = table.Column<DateTime>(nullable: true),
                LeaseUntilUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{jobs}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{jobs}_UserId_CreatedAtUtc", jobs, ["UserId", "CreatedAtUtc"], schema);
        migrationBuilder.CreateIndex($"IX_{jobs}_Status_CreatedAtUtc", jobs, ["Status", "CreatedAtUtc"], schema);
        migrationBuilder.CreateIndex($"IX_{jobs}_ExpiresAtUtc", jobs, "ExpiresAtUtc", schema);
        migrationBuilder.CreateIndex($"IX_{jobs}_TenantId", jobs, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{jobs}_TenantPath", jobs, "TenantPath", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "jobs"), migrationBuilder.ModuleSchema(Schema));
        migrationBuilder.DropOutboxTables(Schema);
    }
}
