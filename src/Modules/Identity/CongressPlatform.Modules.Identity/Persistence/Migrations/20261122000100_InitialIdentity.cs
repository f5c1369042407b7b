using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Identity.Persistence.Migrations;

/// <summary>Tenant tree and handling units. Hand-written and provider-neutral (ADR 0004).</summary>
[DbContext(typeof(IdentityDbContext))]
[Migration("20261122000100_InitialIdentity")]
internal sealed class InitialIdentity : Migration
{
    private const string Schema = "identity";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.CreateModuleSchema(Schema);

        var tenants = migrationBuilder.ModuleTable(Schema, "tenants");
        migrationBuilder.CreateTable(
            name: tenants,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<int>(nullable: false),
                ParentId = table.Column<Guid>(nullable: true),
                Path = table.Column<string>(maxLength: 200, nullable: false),
                Depth = table.Column<int>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{tenants}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{tenants}_Code", tenants, "Code", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{tenants}_Path", tenants, "Path", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{tenants}_ParentId", tenants, "ParentId", schema);

        var units = migrationBuilder.ModuleTable(Schema, "handling_units");
        migrationBuilder.CreateTable(
            name: units,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<int>(nullable: false),
                ContactName = table.Column<string>(maxLength: 50, nullable: true),
                ContactPhone = table.Column<string>(maxLength: 30, nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{units}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{units}_TenantId_Name", units, ["TenantId", "Name"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{units}_TenantId", units, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{units}_TenantPath", units, "TenantPath", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "handling_units"), schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "tenants"), schema);
        migrationBuilder.DropOutboxTables(Schema);
    }
}
