using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Stations.Persistence.Migrations;

/// <summary>Centralised reception events: the events, their station venues and their participants. Hand-written and provider-neutral (ADR 0004).</summary>
[DbContext(typeof(StationsDbContext))]
[Migration("20261201024000_StationsReceptions")]
internal sealed class StationsReceptions : Migration
{
    private const string Schema = "stations";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);

        var events = migrationBuilder.ModuleTable(Schema, "reception_events");
        migrationBuilder.CreateTable(
            name: events,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 100, nullable: false),
                Theme = table.Column<string>(maxLength: 200, nullable: true),
                Date = table.Column<DateOnly>(nullable: false),
                StartTime = table.Column<TimeOnly>(nullable: false),
                EndTime = table.Column<TimeOnly>(nullable: false),
                OnlineChannel = table.Column<string>(maxLength: 200, nullable: true),
                Status = table.Column<int>(nullable: false),
                ClosedByName = table.Column<string>(maxLength: 50, nullable: true),
                ClosedAtUtc = table.Column<DateTime>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{events}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{events}_TenantId_Date", events, ["TenantId", "Date"], schema);
        TenantIndexes(migrationBuilder, events, schema);

        var venues = migrationBuilder.ModuleTable(Schema, "reception_venues");
        migrationBuilder.CreateTable(
            name: venues,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                EventId = table.Column<Guid>(nullable: false),
                StationId = table.Column<Guid>(nullable: false),
                StationName = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{venues}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{venues}_EventId_StationId", venues, ["EventId", "StationId"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{venues}_StationId", venues, "StationId", schema);
        TenantIndexes(migrationBuilder, venues, schema);

        var participants = migrationBuilder.ModuleTable(Schema, "reception_participants");
        migrationBuilder.CreateTable(
            name: participants,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                EventId = table.Column<Guid>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
                DeputyName = table.Column<string>(maxLength: 50, nullable: false),
                VenueKind = table.Column<int>(nullable: false),
                StationId = table.Column<Guid>(nullable: true),
                Attendance = table.Column<int>(nullable: false),
                LeaveReason = table.Column<string>(maxLength: 200, nullable: true),
                VotersReceived = table.Column<int>(nullable: true),
                OpinionsGathered = table.Column<int>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{participants}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{participants}_EventId_DeputyId", participants, ["EventId", "DeputyId"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{participants}_DeputyId", participants, "DeputyId", schema);
        TenantIndexes(migrationBuilder, participants, schema);
    }

    private static void TenantIndexes(MigrationBuilder migrationBuilder, string table, string? schema)
    {
        migrationBuilder.CreateIndex($"IX_{table}_TenantId", table, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{table}_TenantPath", table, "TenantPath", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "reception_participants"), schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "reception_venues"), schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "reception_events"), schema);
    }
}
