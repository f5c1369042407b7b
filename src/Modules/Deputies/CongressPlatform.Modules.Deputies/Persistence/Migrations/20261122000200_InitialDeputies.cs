using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Deputies.Persistence.Migrations;

/// <summary>Duty-points policies. Hand-written and provider-neutral (ADR 0004).</summary>
[DbContext(typeof(DeputiesDbContext))]
[Migration("20261122000200_InitialDeputies")]
internal sealed class InitialDeputies : Migration
{
    private const string Schema = "deputies";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.CreateModuleSchema(Schema);

        var policies = migrationBuilder.ModuleTable(Schema, "points_policies");
        migrationBuilder.CreateTable(
            name: policies,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Revision = table.Column<int>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{policies}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{policies}_TenantId_Year", policies, ["TenantId", "Year"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{policies}_TenantId", policies, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{policies}_TenantPath", policies, "TenantPath", schema);

        var rules = migrationBuilder.ModuleTable(Schema, "points_rules");
        migrationBuilder.CreateTable(
            name: rules,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PolicyId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Points = table.Column<int>(nullable: false),
                QuarterCap = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{rules}", x => x.Id);
                table.ForeignKey($"FK_{rules}_{policies}_PolicyId", x => x.PolicyId, policies, "Id", schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{rules}_PolicyId", rules, "PolicyId", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "points_rules"), schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "points_policies"), schema);
        migrationBuilder.DropOutboxTables(Schema);
    }
}
