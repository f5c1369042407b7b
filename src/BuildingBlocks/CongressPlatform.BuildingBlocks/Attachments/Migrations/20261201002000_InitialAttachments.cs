using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.BuildingBlocks.Attachments.Migrations;

/// <summary>The attachments' metadata table (hand-written, provider-neutral: ADR 0004).</summary>
[DbContext(typeof(AttachmentsDbContext))]
[Migration("20261201002000_InitialAttachments")]
internal sealed class InitialAttachments : Migration
{
    private const string Schema = "attachments";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.CreateModuleSchema(Schema);
        var files = migrationBuilder.ModuleTable(Schema, "files");
        migrationBuilder.CreateTable(
            name: files,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                OwnerModule = table.Column<string>(maxLength: 50, nullable: false),
                OwnerType = table.Column<string>(maxLength: 50, nullable: false),
                OwnerId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                UploadedBy = table.Column<Guid>(nullable: true),
                UploadedByName = table.Column<string>(maxLength: 100, nullable: false),
                UploadedAtUtc = table.Column<DateTime>(nullable: false),
                StorageKey = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{files}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{files}_OwnerType_OwnerId", files, ["OwnerType", "OwnerId"], schema);
        migrationBuilder.CreateIndex($"IX_{files}_StorageKey", files, "StorageKey", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{files}_TenantId", files, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{files}_TenantPath", files, "TenantPath", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "files"), migrationBuilder.ModuleSchema(Schema));
        migrationBuilder.DropOutboxTables(Schema);
    }
}
