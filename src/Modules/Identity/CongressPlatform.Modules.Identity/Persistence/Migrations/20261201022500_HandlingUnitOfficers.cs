using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Identity.Persistence.Migrations;

/// <summary>The officers of each handling unit (who sees and answers what is referred to it). Hand-written (ADR 0004).</summary>
[DbContext(typeof(IdentityDbContext))]
[Migration("20261201022500_HandlingUnitOfficers")]
internal sealed class HandlingUnitOfficers : Migration
{
    private const string Schema = "identity";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        var officers = migrationBuilder.ModuleTable(Schema, "handling_unit_officers");
        migrationBuilder.CreateTable(
            name: officers,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                HandlingUnitId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{officers}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{officers}_HandlingUnitId_UserId", officers, ["HandlingUnitId", "UserId"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{officers}_UserId", officers, "UserId", schema);
        migrationBuilder.CreateIndex($"IX_{officers}_TenantId", officers, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{officers}_TenantPath", officers, "TenantPath", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "handling_unit_officers"), migrationBuilder.ModuleSchema(Schema));
    }
}
