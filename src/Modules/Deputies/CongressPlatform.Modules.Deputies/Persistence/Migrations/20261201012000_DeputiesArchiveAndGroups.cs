using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.Modules.Deputies.Persistence.Migrations;

/// <summary>
/// Duty totals (the counts points are computed from), policy revisions, deputy groups, presidium contacts and the
/// yearly duty lists; one correction per record. Hand-written and provider-neutral (ADR 0004).
/// </summary>
[DbContext(typeof(DeputiesDbContext))]
[Migration("20261201012000_DeputiesArchiveAndGroups")]
internal sealed class DeputiesArchiveAndGroups : Migration
{
    private const string Schema = "deputies";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);

        var records = migrationBuilder.ModuleTable(Schema, "duty_records");
        migrationBuilder.DropIndex($"IX_{records}_CorrectsRecordId", records, schema);
        migrationBuilder.CreateIndex($"IX_{records}_CorrectsRecordId", records, "CorrectsRecordId", schema, unique: true);

        var totals = migrationBuilder.ModuleTable(Schema, "duty_totals");
        migrationBuilder.CreateTable(
            name: totals,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Quarter = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Count = table.Column<int>(nullable: false),
                Points = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{totals}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{totals}_Year_TenantId_DeputyId_Quarter_Kind", totals, ["Year", "TenantId", "DeputyId", "Quarter", "Kind"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{totals}_DeputyId_Year", totals, ["DeputyId", "Year"], schema);
        TenantIndexes(migrationBuilder, totals, schema);

        var revisions = migrationBuilder.ModuleTable(Schema, "points_policy_revisions");
        migrationBuilder.CreateTable(
            name: revisions,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                PolicyId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Revision = table.Column<int>(nullable: false),
                RulesJson = table.Column<string>(maxLength: 4000, nullable: false),
                SavedAtUtc = table.Column<DateTime>(nullable: false),
                SavedBy = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{revisions}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{revisions}_PolicyId_Revision", revisions, ["PolicyId", "Revision"], schema, unique: true);
        TenantIndexes(migrationBuilder, revisions, schema);

        var groups = migrationBuilder.ModuleTable(Schema, "groups");
        migrationBuilder.CreateTable(
            name: groups,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{groups}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{groups}_TenantId_Name", groups, ["TenantId", "Name"], schema, unique: true);
        TenantIndexes(migrationBuilder, groups, schema);

        var members = migrationBuilder.ModuleTable(Schema, "group_members");
        migrationBuilder.CreateTable(
            name: members,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                GroupId = table.Column<Guid>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
                Role = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{members}", x => x.Id);
                table.ForeignKey($"FK_{members}_{groups}_GroupId", x => x.GroupId, groups, "Id", schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{members}_GroupId", members, "GroupId", schema);
        migrationBuilder.CreateIndex($"IX_{members}_DeputyId", members, "DeputyId", schema);

        var presidium = migrationBuilder.ModuleTable(Schema, "presidium_members");
        migrationBuilder.CreateTable(
            name: presidium,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                MemberDeputyId = table.Column<Guid>(nullable: true),
                MemberUserId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{presidium}", x => x.Id));
        TenantIndexes(migrationBuilder, presidium, schema);

        var contacts = migrationBuilder.ModuleTable(Schema, "presidium_contacts");
        migrationBuilder.CreateTable(
            name: contacts,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{contacts}", x => x.Id);
                table.ForeignKey($"FK_{contacts}_{presidium}_MemberId", x => x.MemberId, presidium, "Id", schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{contacts}_MemberId", contacts, "MemberId", schema);
        migrationBuilder.CreateIndex($"IX_{contacts}_DeputyId", contacts, "DeputyId", schema);

        var lists = migrationBuilder.ModuleTable(Schema, "duty_lists");
        migrationBuilder.CreateTable(
            name: lists,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{lists}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{lists}_TenantId_DeputyId_Year", lists, ["TenantId", "DeputyId", "Year"], schema, unique: true);
        TenantIndexes(migrationBuilder, lists, schema);

        var items = migrationBuilder.ModuleTable(Schema, "duty_list_items");
        migrationBuilder.CreateTable(
            name: items,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ListId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                TargetCount = table.Column<int>(nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{items}", x => x.Id);
                table.ForeignKey($"FK_{items}_{lists}_ListId", x => x.ListId, lists, "Id", schema, onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex($"IX_{items}_ListId", items, "ListId", schema);
    }

    private static void TenantIndexes(MigrationBuilder migrationBuilder, string table, string? schema)
    {
        migrationBuilder.CreateIndex($"IX_{table}_TenantId", table, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{table}_TenantPath", table, "TenantPath", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        foreach (var table in new[] { "duty_list_items", "duty_lists", "presidium_contacts", "presidium_members", "group_members", "groups", "points_policy_revisions", "duty_totals" })
        {
            migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, table), schema);
        }
        var records = migrationBuilder.ModuleTable(Schema, "duty_records");
        migrationBuilder.DropIndex($"IX_{records}_CorrectsRecordId", records, schema);
        migrationBuilder.CreateIndex($"IX_{records}_CorrectsRecordId", records, "CorrectsRecordId", schema);
    }
}
