using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Stations.Persistence.Migrations;

/// <summary>The monthly public notice (每月20日公示): one notice per station and cut-off, and its items. Hand-written and provider-neutral (ADR 0004).</summary>
[DbContext(typeof(StationsDbContext))]
[Migration("20261201025000_StationsNotices")]
internal sealed class StationsNotices : Migration
{
    private const string Schema = "stations";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);

        var notices = migrationBuilder.ModuleTable(Schema, "station_notices");
        migrationBuilder.CreateTable(
            name: notices,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                StationId = table.Column<Guid>(nullable: false),
                StationName = table.Column<string>(maxLength: 100, nullable: false),
                PeriodStart = table.Column<DateOnly>(nullable: false),
                PeriodEnd = table.Column<DateOnly>(nullable: false),
                Status = table.Column<int>(nullable: false),
                ConfidentialCount = table.Column<int>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                PublishedAtUtc = table.Column<DateTime>(nullable: true),
                PublishedByName = table.Column<string>(maxLength: 50, nullable: true),
                WithdrawnAtUtc = table.Column<DateTime>(nullable: true),
                WithdrawnReason = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{notices}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{notices}_StationId_PeriodEnd", notices, ["StationId", "PeriodEnd"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{notices}_TenantId_Status_PeriodEnd", notices, ["TenantId", "Status", "PeriodEnd"], schema);
        migrationBuilder.CreateIndex($"IX_{notices}_TenantId", notices, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{notices}_TenantPath", notices, "TenantPath", schema);

        var items = migrationBuilder.ModuleTable(Schema, "station_notice_items");
        migrationBuilder.CreateTable(
            name: items,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                NoticeId = table.Column<Guid>(nullable: false),
                OpinionId = table.Column<Guid>(nullable: false),
                Category = table.Column<string>(maxLength: 50, nullable: true),
                ReceivedOn = table.Column<DateOnly>(nullable: false),
                AnsweredOn = table.Column<DateOnly>(nullable: true),
                RaisedInPeriod = table.Column<bool>(nullable: false),
                AnsweredInPeriod = table.Column<bool>(nullable: false),
                OpinionStatus = table.Column<int>(nullable: false),
                Summary = table.Column<string>(maxLength: 300, nullable: false),
                Answer = table.Column<string>(maxLength: 600, nullable: true),
                SummaryEdited = table.Column<bool>(nullable: false),
                Excluded = table.Column<bool>(nullable: false),
                ExcludedReason = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{items}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{items}_NoticeId_OpinionId", items, ["NoticeId", "OpinionId"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{items}_TenantId", items, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{items}_TenantPath", items, "TenantPath", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "station_notice_items"), schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "station_notices"), schema);
    }
}
