using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Identity.Persistence.Migrations;

/// <summary>Accounts (one per person) and memberships (user × tenant × roles). Hand-written and provider-neutral (ADR 0004).</summary>
[DbContext(typeof(IdentityDbContext))]
[Migration("20261122000300_Accounts")]
internal sealed class Accounts : Migration
{
    private const string Schema = "identity";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        var users = migrationBuilder.ModuleTable(Schema, "users");
        migrationBuilder.CreateTable(
            name: users,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserName = table.Column<string>(maxLength: 64, nullable: false),
                NormalizedUserName = table.Column<string>(maxLength: 64, nullable: false),
                DisplayName = table.Column<string>(maxLength: 50, nullable: false),
                PhoneNumber = table.Column<string>(maxLength: 20, nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(maxLength: 200, nullable: true),
                SecurityStamp = table.Column<string>(maxLength: 64, nullable: false),
                Status = table.Column<int>(nullable: false),
                LockoutEndUtc = table.Column<DateTime>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                AuthenticatorKey = table.Column<string>(maxLength: 200, nullable: true),
                RecoveryCodes = table.Column<string>(maxLength: 1000, nullable: true),
                MustChangePassword = table.Column<bool>(nullable: false),
                PasswordChangedAtUtc = table.Column<DateTime>(nullable: true),
                TermEndsOn = table.Column<DateOnly>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{users}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{users}_NormalizedUserName", users, "NormalizedUserName", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{users}_PhoneNumber", users, "PhoneNumber", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{users}_NormalizedEmail", users, "NormalizedEmail", schema);

        var memberships = migrationBuilder.ModuleTable(Schema, "memberships");
        migrationBuilder.CreateTable(
            name: memberships,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Roles = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{memberships}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{memberships}_TenantId_UserId", memberships, ["TenantId", "UserId"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{memberships}_TenantId", memberships, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{memberships}_TenantPath", memberships, "TenantPath", schema);
        migrationBuilder.CreateIndex($"IX_{memberships}_UserId", memberships, "UserId", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "memberships"), schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "users"), schema);
    }
}
