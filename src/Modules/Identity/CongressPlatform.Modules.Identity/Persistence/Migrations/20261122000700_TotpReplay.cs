using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Identity.Persistence.Migrations;

/// <summary>The last accepted authenticator code per account, so that a code is never accepted twice. Hand-written (ADR 0004).</summary>
[DbContext(typeof(IdentityDbContext))]
[Migration("20261122000700_TotpReplay")]
internal sealed class TotpReplay : Migration
{
    private const string Schema = "identity";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        var users = migrationBuilder.ModuleTable(Schema, "users");
        migrationBuilder.AddColumn<string>("LastTotpCode", users, maxLength: 6, nullable: true, schema: schema);
        migrationBuilder.AddColumn<DateTime>("LastTotpAtUtc", users, nullable: true, schema: schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        var users = migrationBuilder.ModuleTable(Schema, "users");
        migrationBuilder.DropColumn("LastTotpAtUtc", users, schema);
        migrationBuilder.DropColumn("LastTotpCode", users, schema);
    }
}
