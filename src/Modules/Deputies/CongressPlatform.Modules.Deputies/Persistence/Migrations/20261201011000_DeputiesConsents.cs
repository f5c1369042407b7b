using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Deputies.Persistence.Migrations;

/// <summary>The registry's consent history (publishing phone, e-mail, photo, work unit) and the invitation time. Hand-written and provider-neutral (ADR 0004).</summary>
[DbContext(typeof(DeputiesDbContext))]
[Migration("20261201011000_DeputiesConsents")]
internal sealed class DeputiesConsents : Migration
{
    private const string Schema = "deputies";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        var deputies = migrationBuilder.ModuleTable(Schema, "deputies");
        migrationBuilder.AddColumn<DateTime>(name: "InvitedAtUtc", table: deputies, schema: schema, nullable: true);

        var consents = migrationBuilder.ModuleTable(Schema, "consents");
        migrationBuilder.CreateTable(
            name: consents,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
                Item = table.Column<int>(nullable: false),
                Granted = table.Column<bool>(nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
                RecordedBy = table.Column<Guid>(nullable: true),
                RecordedByName = table.Column<string>(maxLength: 100, nullable: false),
                RecordedInTenantId = table.Column<Guid>(nullable: false),
                RecordedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{consents}", x => x.Id);
                table.ForeignKey($"FK_{consents}_{deputies}_DeputyId", x => x.DeputyId, deputies, "Id", schema, onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex($"IX_{consents}_DeputyId_Item_RecordedAtUtc", consents, ["DeputyId", "Item", "RecordedAtUtc"], schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "consents"), schema);
        migrationBuilder.DropColumn(name: "InvitedAtUtc", table: migrationBuilder.ModuleTable(Schema, "deputies"), schema: schema);
    }
}
