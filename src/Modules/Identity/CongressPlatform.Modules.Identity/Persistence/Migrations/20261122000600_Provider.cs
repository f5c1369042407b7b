using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Identity.Persistence.Migrations;

/// <summary>The OpenID provider: clients, SSO sessions, codes, refresh tokens, signing keys. Hand-written and provider-neutral (ADR 0004).</summary>
[DbContext(typeof(IdentityDbContext))]
[Migration("20261122000600_Provider")]
internal sealed class Provider : Migration
{
    private const string Schema = "identity";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);

        var clients = migrationBuilder.ModuleTable(Schema, "clients");
        migrationBuilder.CreateTable(
            name: clients,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<string>(maxLength: 100, nullable: false),
                DisplayName = table.Column<string>(maxLength: 100, nullable: false),
                SecretHash = table.Column<string>(maxLength: 200, nullable: true),
                RedirectUris = table.Column<string>(maxLength: 4000, nullable: false),
                PostLogoutRedirectUris = table.Column<string>(maxLength: 4000, nullable: false),
                AllowedOrigins = table.Column<string>(maxLength: 2000, nullable: false),
                IsEnabled = table.Column<bool>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{clients}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{clients}_ClientId", clients, "ClientId", schema, unique: true);

        var sessions = migrationBuilder.ModuleTable(Schema, "sessions");
        migrationBuilder.CreateTable(
            name: sessions,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                AuthenticatedAtUtc = table.Column<DateTime>(nullable: false),
                Methods = table.Column<string>(maxLength: 50, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                LastSeenAtUtc = table.Column<DateTime>(nullable: false),
                EndedAtUtc = table.Column<DateTime>(nullable: true),
                EndReason = table.Column<string>(maxLength: 50, nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{sessions}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{sessions}_UserId", sessions, "UserId", schema);

        var codes = migrationBuilder.ModuleTable(Schema, "authorization_codes");
        migrationBuilder.CreateTable(
            name: codes,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CodeHash = table.Column<string>(maxLength: 64, nullable: false),
                ClientId = table.Column<string>(maxLength: 100, nullable: false),
                RedirectUri = table.Column<string>(maxLength: 1000, nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                SessionId = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                Scope = table.Column<string>(maxLength: 200, nullable: false),
                Nonce = table.Column<string>(maxLength: 200, nullable: true),
                CodeChallenge = table.Column<string>(maxLength: 100, nullable: false),
                AuthenticatedAtUtc = table.Column<DateTime>(nullable: false),
                Methods = table.Column<string>(maxLength: 50, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                ExpiresAtUtc = table.Column<DateTime>(nullable: false),
                RedeemedAtUtc = table.Column<DateTime>(nullable: true),
                FamilyId = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{codes}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{codes}_CodeHash", codes, "CodeHash", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{codes}_ExpiresAtUtc", codes, "ExpiresAtUtc", schema);

        var refresh = migrationBuilder.ModuleTable(Schema, "refresh_tokens");
        migrationBuilder.CreateTable(
            name: refresh,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                FamilyId = table.Column<Guid>(nullable: false),
                ClientId = table.Column<string>(maxLength: 100, nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                SessionId = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                Scope = table.Column<string>(maxLength: 200, nullable: false),
                AuthenticatedAtUtc = table.Column<DateTime>(nullable: false),
                Methods = table.Column<string>(maxLength: 50, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                ExpiresAtUtc = table.Column<DateTime>(nullable: false),
                FamilyExpiresAtUtc = table.Column<DateTime>(nullable: false),
                RotatedAtUtc = table.Column<DateTime>(nullable: true),
                RevokedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{refresh}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{refresh}_TokenHash", refresh, "TokenHash", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{refresh}_FamilyId", refresh, "FamilyId", schema);
        migrationBuilder.CreateIndex($"IX_{refresh}_SessionId", refresh, "SessionId", schema);
        migrationBuilder.CreateIndex($"IX_{refresh}_UserId", refresh, "UserId", schema);

        var keys = migrationBuilder.ModuleTable(Schema, "signing_keys");
        migrationBuilder.CreateTable(
            name: keys,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                KeyId = table.Column<string>(maxLength: 64, nullable: false),
                Algorithm = table.Column<string>(maxLength: 16, nullable: false),
                PublicJwk = table.Column<string>(maxLength: 2000, nullable: false),
                ProtectedPrivateKey = table.Column<string>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                ActivatesAtUtc = table.Column<DateTime>(nullable: false),
                RetiresAtUtc = table.Column<DateTime>(nullable: true),
                ExpiresAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{keys}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{keys}_KeyId", keys, "KeyId", schema, unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        foreach (var table in new[] { "signing_keys", "refresh_tokens", "authorization_codes", "sessions", "clients" })
        {
            migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, table), schema);
        }
    }
}
