using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Identity.Persistence.Migrations;

/// <summary>The Data Protection key ring, shared by every node. Hand-written and provider-neutral (ADR 0004).</summary>
[DbContext(typeof(IdentityDbContext))]
[Migration("20261122000400_DataProtectionKeys")]
internal sealed class DataProtectionKeys : Migration
{
    private const string Schema = "identity";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        var keys = migrationBuilder.ModuleTable(Schema, "data_protection_keys");
        migrationBuilder.CreateTable(
            name: keys,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: false),
                Xml = table.Column<string>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{keys}", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "data_protection_keys"), migrationBuilder.ModuleSchema(Schema));
}
