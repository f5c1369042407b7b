using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using CongressPlatform.BuildingBlocks.Persistence;

namespace CongressPlatform.Modules.Deputies.Persistence.Migrations;

/// <summary>Report-backs to voters with their public ballots and voter codes; quarterly reports, reminder letters and their setting. Hand-written, provider-neutral (ADR 0004).</summary>
[DbContext(typeof(DeputiesDbContext))]
[Migration("20261201013000_DeputiesReportBacks")]
internal sealed class DeputiesReportBacks : Migration
{
    private const string Schema = "deputies";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);

        var reportBacks = migrationBuilder.ModuleTable(Schema, "report_backs");
        migrationBuilder.CreateTable(
            name: reportBacks,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
                DeputyName = table.Column<string>(maxLength: 50, nullable: false),
                Year = table.Column<int>(nullable: false),
                SeatLevel = table.Column<int>(nullable: false),
                ReportsToCommittee = table.Column<bool>(nullable: false),
                Organiser = table.Column<string>(maxLength: 100, nullable: false),
                PlannedOn = table.Column<DateOnly>(nullable: false),
                Place = table.Column<string>(maxLength: 200, nullable: false),
                Form = table.Column<int>(nullable: false),
                ExpectedRepresentatives = table.Column<int>(nullable: false),
                MinBallots = table.Column<int>(nullable: false),
                SatisfiedThreshold = table.Column<int>(nullable: false),
                BasicThreshold = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 20000, nullable: false),
                DraftedAtUtc = table.Column<DateTime>(nullable: true),
                Status = table.Column<int>(nullable: false),
                FinalisedAtUtc = table.Column<DateTime>(nullable: true),
                RatingSource = table.Column<int>(nullable: false),
                Satisfied = table.Column<int>(nullable: false),
                BasicallySatisfied = table.Column<int>(nullable: false),
                Dissatisfied = table.Column<int>(nullable: false),
                BallotToken = table.Column<string>(maxLength: 64, nullable: true),
                BallotOpensAtUtc = table.Column<DateTime>(nullable: true),
                BallotClosesAtUtc = table.Column<DateTime>(nullable: true),
                BallotRequiresCode = table.Column<bool>(nullable: false),
                RatedAtUtc = table.Column<DateTime>(nullable: true),
                DutyRecordId = table.Column<Guid>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{reportBacks}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{reportBacks}_TenantId_DeputyId_Year", reportBacks, ["TenantId", "DeputyId", "Year"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{reportBacks}_BallotToken", reportBacks, "BallotToken", schema, unique: true);
        TenantIndexes(migrationBuilder, reportBacks, schema);

        var votes = migrationBuilder.ModuleTable(Schema, "ballot_votes");
        migrationBuilder.CreateTable(
            name: votes,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                ReportBackId = table.Column<Guid>(nullable: false),
                DeviceHash = table.Column<string>(maxLength: 64, nullable: false),
                VoterCodeId = table.Column<Guid>(nullable: true),
                Choice = table.Column<int>(nullable: false),
                CastAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{votes}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{votes}_ReportBackId_DeviceHash", votes, ["ReportBackId", "DeviceHash"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{votes}_VoterCodeId", votes, "VoterCodeId", schema, unique: true);
        TenantIndexes(migrationBuilder, votes, schema);

        var codes = migrationBuilder.ModuleTable(Schema, "voter_codes");
        migrationBuilder.CreateTable(
            name: codes,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                ReportBackId = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 16, nullable: false),
                IssuedAtUtc = table.Column<DateTime>(nullable: false),
                UsedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{codes}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{codes}_ReportBackId_Code", codes, ["ReportBackId", "Code"], schema, unique: true);
        TenantIndexes(migrationBuilder, codes, schema);

        var reports = migrationBuilder.ModuleTable(Schema, "quarterly_reports");
        migrationBuilder.CreateTable(
            name: reports,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
                DeputyName = table.Column<string>(maxLength: 50, nullable: false),
                Year = table.Column<int>(nullable: false),
                Quarter = table.Column<int>(nullable: false),
                TotalPoints = table.Column<int>(nullable: false),
                Rank = table.Column<int>(nullable: false),
                DeputiesRanked = table.Column<int>(nullable: false),
                RecordCount = table.Column<int>(nullable: false),
                LeaveCount = table.Column<int>(nullable: false),
                Summary = table.Column<string>(maxLength: 2000, nullable: false),
                Document = table.Column<byte[]>(nullable: false),
                DeliveredToUserId = table.Column<Guid>(nullable: true),
                GeneratedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{reports}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{reports}_TenantId_DeputyId_Year_Quarter", reports, ["TenantId", "DeputyId", "Year", "Quarter"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{reports}_Year_Quarter", reports, ["Year", "Quarter"], schema);
        TenantIndexes(migrationBuilder, reports, schema);

        var letters = migrationBuilder.ModuleTable(Schema, "reminder_letters");
        migrationBuilder.CreateTable(
            name: letters,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                DeputyId = table.Column<Guid>(nullable: false),
                DeputyName = table.Column<string>(maxLength: 50, nullable: false),
                Year = table.Column<int>(nullable: false),
                Quarter = table.Column<int>(nullable: false),
                Points = table.Column<int>(nullable: false),
                Threshold = table.Column<int>(nullable: false),
                Body = table.Column<string>(maxLength: 10000, nullable: false),
                Status = table.Column<int>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedByName = table.Column<string>(maxLength: 100, nullable: true),
                SentAtUtc = table.Column<DateTime>(nullable: true),
                SentBy = table.Column<Guid>(nullable: true),
                SentByName = table.Column<string>(maxLength: 100, nullable: true),
                SentToUserId = table.Column<Guid>(nullable: true),
                SentDocument = table.Column<byte[]>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{letters}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{letters}_TenantId_DeputyId_Year_Quarter", letters, ["TenantId", "DeputyId", "Year", "Quarter"], schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{letters}_Year_Quarter", letters, ["Year", "Quarter"], schema);
        TenantIndexes(migrationBuilder, letters, schema);

        var settings = migrationBuilder.ModuleTable(Schema, "quarterly_settings");
        migrationBuilder.CreateTable(
            name: settings,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                TenantId = table.Column<Guid>(nullable: false),
                TenantPath = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<Guid>(nullable: false),
                MinimumQuarterlyPoints = table.Column<int>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{settings}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{settings}_TenantId", settings, "TenantId", schema, unique: true);
        migrationBuilder.CreateIndex($"IX_{settings}_TenantPath", settings, "TenantPath", schema);
    }

    private static void TenantIndexes(MigrationBuilder migrationBuilder, string table, string? schema)
    {
        migrationBuilder.CreateIndex($"IX_{table}_TenantId", table, "TenantId", schema);
        migrationBuilder.CreateIndex($"IX_{table}_TenantPath", table, "TenantPath", schema);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        foreach (var table in new[] { "quarterly_settings", "reminder_letters", "quarterly_reports", "voter_codes", "ballot_votes", "report_backs" })
        {
            migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, table), schema);
        }
    }
}
