using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Stations.Persistence.Migrations;

/// <summary>The duty rota: weeks, leaves and swap requests. Hand-written and provider-neutral (ADR 0004).</summary>
[DbContext(typeof(StationsDbContext))]
[Migration("20261201023000_StationsRota")]
internal sealed class StationsRota : Migration
{
    private const string Schema = "stations";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);

        var weeks = migrationBuilder.ModuleTable(Schema, "rota_weeks");
        migrationBuilder.CreateTable(
            name: weeks,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                StationId = table.Column<Guid>(nullable: false),
                WeekStart = table.Column<DateOnly>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
                DeputyName = table.Column<string>(maxLength: 50, nullable: false),
                Status = table.Column<int>(nullable: false),
                IsManual = table.Column<bool>(nullable: false),
                ReminderSentAtUtc = table.Column<DateTime>(nullable: true),
                ConfirmedByName = table.Column<string>(maxLength: 50, nullable: true),
                ConfirmedAtUtc = table.Column<DateTime>(nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{weeks}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{weeks}_StationId_WeekStart", weeks, ["StationId", "WeekStart"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{weeks}_DeputyId_WeekStart", weeks, ["DeputyId", "WeekStart"], schema);
        TenantIndexes(migrationBuilder, weeks, schema);

        var leaves = migrationBuilder.ModuleTable(Schema, "duty_leaves");
        migrationBuilder.CreateTable(
            name: leaves,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
                DeputyName = table.Column<string>(maxLength: 50, nullable: false),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: false),
                Reason = table.Column<string>(maxLength: 200, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 50, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{leaves}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{leaves}_DeputyId_From", leaves, ["DeputyId", "From"], schema);
        TenantIndexes(migrationBuilder, leaves, schema);

        var swaps = migrationBuilder.ModuleTable(Schema, "rota_swap_requests");
        migrationBuilder.CreateTable(
            name: swaps,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                StationId = table.Column<Guid>(nullable: false),
                RequesterWeekId = table.Column<Guid>(nullable: false),
                RequesterDeputyId = table.Column<Guid>(nullable: false),
                RequesterName = table.Column<string>(maxLength: 50, nullable: false),
                RequesterWeekStart = table.Column<DateOnly>(nullable: false),
                TargetWeekId = table.Column<Guid>(nullable: false),
                TargetDeputyId = table.Column<Guid>(nullable: false),
                TargetName = table.Column<string>(maxLength: 50, nullable: false),
                TargetWeekStart = table.Column<DateOnly>(nullable: false),
                Reason = table.Column<string>(maxLength: 200, nullable: true),
                Status = table.Column<int>(nullable: false),
                DecidedByName = table.Column<string>(maxLength: 50, nullable: true),
                DecidedAtUtc = table.Column<DateTime>(nullable: true),
                DecisionNote = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{swaps}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{swaps}_StationId_Status", swaps, ["StationId", "Status"], schema);
        migrationBuilder.CreateIndex($"IX_{swaps}_RequesterDeputyId", swaps, "RequesterDeputyId", schema);
        TenantIndexes(migrationBuilder, swaps, schema);
    }

    private static void TenantIndexes(MigrationBuilder migrationBuilder, string table, string? schema)
    {
        migrationBuilder.CreateIndex($"IX_{table}_TenantId", table, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{table}_TenantPath", table, "TenantPath", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "rota_swap_requests"), schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "duty_leaves"), schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "rota_weeks"), schema);
    }
}
