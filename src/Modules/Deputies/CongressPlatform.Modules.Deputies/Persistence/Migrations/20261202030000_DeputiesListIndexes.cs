using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Deputies.Persistence.Migrations;

/// <summary>
/// Seat indexes that answer the registry list from the index alone (docs/performance.md §F.3): the person's seats with
/// their tenant and path (the per-person "has a seat visible here" test, and a supervisor's count in person order), and a
/// tenant's seats in person order with their path (a street's count without a sort). Hand-written, provider-neutral (ADR 0004).
/// </summary>
[DbContext(typeof(DeputiesDbContext))]
[Migration("20261202030000_DeputiesListIndexes")]
internal sealed class DeputiesListIndexes : Migration
{
    private const string Schema = "deputies";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        var seats = migrationBuilder.ModuleTable(Schema, "seats");
        migrationBuilder.DropIndex($"IX_{seats}_DeputyId_TenantId", seats, schema);
        migrationBuilder.CreateIndex($"IX_{seats}_DeputyId_TenantId_TenantPath", seats, ["DeputyId", "TenantId", "TenantPath"], schema);
        migrationBuilder.CreateIndex($"IX_{seats}_TenantId_DeputyId_TenantPath", seats, ["TenantId", "DeputyId", "TenantPath"], schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        var seats = migrationBuilder.ModuleTable(Schema, "seats");
        migrationBuilder.DropIndex($"IX_{seats}_TenantId_DeputyId_TenantPath", seats, schema);
        migrationBuilder.DropIndex($"IX_{seats}_DeputyId_TenantId_TenantPath", seats, schema);
        migrationBuilder.CreateIndex($"IX_{seats}_DeputyId_TenantId", seats, ["DeputyId", "TenantId"], schema);
    }
}
