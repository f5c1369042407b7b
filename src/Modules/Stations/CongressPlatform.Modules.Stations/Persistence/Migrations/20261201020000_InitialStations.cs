using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Stations.Persistence.Migrations;

/// <summary>Stations, their deputies and residents' opinions. Hand-written and provider-neutral (ADR 0004).</summary>
[DbContext(typeof(StationsDbContext))]
[Migration("20261201020000_InitialStations")]
internal sealed class InitialStations : Migration
{
    private const string Schema = "stations";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.CreateModuleSchema(Schema);

        var stations = migrationBuilder.ModuleTable(Schema, "stations");
        migrationBuilder.CreateTable(
            name: stations,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                ParentId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Community = table.Column<string>(maxLength: 100, nullable: true),
                Address = table.Column<string>(maxLength: 200, nullable: false),
                OpeningHours = table.Column<string>(maxLength: 200, nullable: false),
                KeeperUserId = table.Column<Guid>(nullable: true),
                KeeperName = table.Column<string>(maxLength: 50, nullable: true),
                LiaisonName = table.Column<string>(maxLength: 50, nullable: true),
                Phone = table.Column<string>(maxLength: 30, nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{stations}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{stations}_TenantId_ParentId", stations, ["TenantId", "ParentId"], schema);
        TenantIndexes(migrationBuilder, stations, schema);

        var deputies = migrationBuilder.ModuleTable(Schema, "station_deputies");
        migrationBuilder.CreateTable(
            name: deputies,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                StationId = table.Column<Guid>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
                DeputyName = table.Column<string>(maxLength: 50, nullable: false),
                AssignedOn = table.Column<DateOnly>(nullable: false),
                EndedOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{deputies}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{deputies}_StationId_DeputyId", deputies, ["StationId", "DeputyId"], schema);
        migrationBuilder.CreateIndex($"IX_{deputies}_DeputyId", deputies, "DeputyId", schema);
        TenantIndexes(migrationBuilder, deputies, schema);

        var opinions = migrationBuilder.ModuleTable(Schema, "opinions");
        migrationBuilder.CreateTable(
            name: opinions,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                TrackingCode = table.Column<string>(maxLength: 20, nullable: false),
                Channel = table.Column<int>(nullable: false),
                StationId = table.Column<Guid>(nullable: true),
                DeputyId = table.Column<Guid>(nullable: true),
                DeputyName = table.Column<string>(maxLength: 50, nullable: true),
                Content = table.Column<string>(maxLength: 2000, nullable: false),
                Category = table.Column<string>(maxLength: 50, nullable: true),
                Community = table.Column<string>(maxLength: 100, nullable: true),
                Anonymous = table.Column<bool>(nullable: false),
                ContactName = table.Column<string>(maxLength: 50, nullable: true),
                ContactPhone = table.Column<string>(maxLength: 30, nullable: true),
                Confidential = table.Column<bool>(nullable: false),
                IdempotencyKey = table.Column<string>(maxLength: 100, nullable: true),
                SubmittedAtUtc = table.Column<DateTime>(nullable: false),
                ReceivedOn = table.Column<DateOnly>(nullable: false),
                Status = table.Column<int>(nullable: false),
                HandlingUnitId = table.Column<Guid>(nullable: true),
                HandlingUnitName = table.Column<string>(maxLength: 100, nullable: true),
                ReferredAtUtc = table.Column<DateTime>(nullable: true),
                DueOn = table.Column<DateOnly>(nullable: true),
                Answer = table.Column<string>(maxLength: 4000, nullable: true),
                AnsweredAtUtc = table.Column<DateTime>(nullable: true),
                AnsweredByName = table.Column<string>(maxLength: 50, nullable: true),
                Feedback = table.Column<string>(maxLength: 2000, nullable: true),
                FedBackAtUtc = table.Column<DateTime>(nullable: true),
                Rating = table.Column<int>(nullable: true),
                RatedAtUtc = table.Column<DateTime>(nullable: true),
                DuplicateOfId = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{opinions}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{opinions}_TrackingCode", opinions, "TrackingCode", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{opinions}_IdempotencyKey", opinions, "IdempotencyKey", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{opinions}_TenantId_Status_DueOn", opinions, ["TenantId", "Status", "DueOn"], schema);
        migrationBuilder.CreateIndex($"IX_{opinions}_StationId_ReceivedOn", opinions, ["StationId", "ReceivedOn"], schema);
        migrationBuilder.CreateIndex($"IX_{opinions}_HandlingUnitId", opinions, "HandlingUnitId", schema);
        TenantIndexes(migrationBuilder, opinions, schema);
    }

    private static void TenantIndexes(MigrationBuilder migrationBuilder, string table, string? schema)
    {
        migrationBuilder.CreateIndex($"IX_{table}_TenantId", table, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{table}_TenantPath", table, "TenantPath", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "opinions"), schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "station_deputies"), schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "stations"), schema);
        migrationBuilder.DropOutboxTables(Schema);
    }
}
