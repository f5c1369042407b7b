using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Stations.Persistence.Migrations;

/// <summary>Residents' opinions: the history of each opinion and the photos from the public form. Hand-written and provider-neutral (ADR 0004).</summary>
[DbContext(typeof(StationsDbContext))]
[Migration("20261201022000_StationsOpinions")]
internal sealed class StationsOpinions : Migration
{
    private const string Schema = "stations";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);

        var events = migrationBuilder.ModuleTable(Schema, "opinion_events");
        migrationBuilder.CreateTable(
            name: events,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                OpinionId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                ActorName = table.Column<string>(maxLength: 50, nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                AtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{events}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{events}_OpinionId_AtUtc", events, ["OpinionId", "AtUtc"], schema);
        TenantIndexes(migrationBuilder, events, schema);

        var photos = migrationBuilder.ModuleTable(Schema, "opinion_photos");
        migrationBuilder.CreateTable(
            name: photos,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                OpinionId = table.Column<Guid>(nullable: false),
                ContentType = table.Column<string>(maxLength: 50, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                StorageKey = table.Column<string>(maxLength: 100, nullable: false),
                UploadedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{photos}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{photos}_OpinionId", photos, "OpinionId", schema);
        TenantIndexes(migrationBuilder, photos, schema);
    }

    private static void TenantIndexes(MigrationBuilder migrationBuilder, string table, string? schema)
    {
        migrationBuilder.CreateIndex($"IX_{table}_TenantId", table, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{table}_TenantPath", table, "TenantPath", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "opinion_photos"), schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "opinion_events"), schema);
    }
}
