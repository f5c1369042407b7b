using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Deputies.Persistence.Migrations;

/// <summary>The registry (persons and their seats) and the duty archive. Hand-written and provider-neutral (ADR 0004).</summary>
[DbContext(typeof(DeputiesDbContext))]
[Migration("20261201010000_DeputiesRegistry")]
internal sealed class DeputiesRegistry : Migration
{
    private const string Schema = "deputies";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);

        var deputies = migrationBuilder.ModuleTable(Schema, "deputies");
        migrationBuilder.CreateTable(
            name: deputies,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Gender = table.Column<int>(nullable: false),
                Ethnicity = table.Column<string>(maxLength: 20, nullable: false),
                BirthYear = table.Column<int>(nullable: true),
                Party = table.Column<string>(maxLength: 50, nullable: false),
                Education = table.Column<string>(maxLength: 50, nullable: true),
                Occupation = table.Column<string>(maxLength: 100, nullable: true),
                WorkUnit = table.Column<string>(maxLength: 200, nullable: true),
                Mobile = table.Column<string>(maxLength: 20, nullable: false),
                Email = table.Column<string>(maxLength: 200, nullable: true),
                PhotoAttachmentId = table.Column<Guid>(nullable: true),
                UserId = table.Column<Guid>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{deputies}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{deputies}_Mobile", deputies, "Mobile", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{deputies}_UserId", deputies, "UserId", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{deputies}_Name", deputies, "Name", schema);

        var seats = migrationBuilder.ModuleTable(Schema, "seats");
        migrationBuilder.CreateTable(
            name: seats,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
                Level = table.Column<int>(nullable: false),
                Term = table.Column<int>(nullable: false),
                Constituency = table.Column<string>(maxLength: 100, nullable: false),
                ElectedOn = table.Column<DateOnly>(nullable: false),
                ByElection = table.Column<bool>(nullable: false),
                Status = table.Column<int>(nullable: false),
                EndedOn = table.Column<DateOnly>(nullable: true),
                EndReason = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{seats}", x => x.Id);
                table.ForeignKey($"FK_{seats}_{deputies}_DeputyId", x => x.DeputyId, deputies, "Id", schema, onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex($"IX_{seats}_DeputyId_TenantId", seats, ["DeputyId", "TenantId"], schema);
        migrationBuilder.CreateIndex($"IX_{seats}_TenantId_Status_Level", seats, ["TenantId", "Status", "Level"], schema);
        TenantIndexes(migrationBuilder, seats, schema);

        var records = migrationBuilder.ModuleTable(Schema, "duty_records");
        migrationBuilder.CreateTable(
            name: records,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                OccurredOn = table.Column<DateOnly>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                SourceModule = table.Column<string>(maxLength: 50, nullable: false),
                SourceId = table.Column<string>(maxLength: 100, nullable: false),
                Attendance = table.Column<int>(nullable: false),
                LeaveReason = table.Column<string>(maxLength: 500, nullable: true),
                Evidence = table.Column<string>(maxLength: 2000, nullable: true),
                Beneficiaries = table.Column<string>(maxLength: 500, nullable: true),
                BeneficiaryCount = table.Column<int>(nullable: true),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                CorrectsRecordId = table.Column<Guid>(nullable: true),
                CorrectionReason = table.Column<string>(maxLength: 500, nullable: true),
                Withdrawn = table.Column<bool>(nullable: false),
                RecordedAtUtc = table.Column<DateTime>(nullable: false),
                RecordedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{records}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{records}_SourceModule_SourceId_DeputyId", records, ["SourceModule", "SourceId", "DeputyId"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{records}_DeputyId_OccurredOn", records, ["DeputyId", "OccurredOn"], schema);
        migrationBuilder.CreateIndex($"IX_{records}_TenantId_OccurredOn", records, ["TenantId", "OccurredOn"], schema);
        migrationBuilder.CreateIndex($"IX_{records}_CorrectsRecordId", records, "CorrectsRecordId", schema);
        TenantIndexes(migrationBuilder, records, schema);
    }

    private static void TenantIndexes(MigrationBuilder migrationBuilder, string table, string? schema)
    {
        migrationBuilder.CreateIndex($"IX_{table}_TenantId", table, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{table}_TenantPath", table, "TenantPath", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "duty_records"), schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "seats"), schema);
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "deputies"), schema);
    }
}
