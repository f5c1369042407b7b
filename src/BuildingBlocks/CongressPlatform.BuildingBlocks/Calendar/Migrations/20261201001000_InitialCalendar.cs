using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.BuildingBlocks.Calendar.Migrations;

/// <summary>
/// The working-day calendar's table, seeded with the State Council's published holiday arrangements — public facts,
/// so they are data of every environment, not demo data. Hand-written and provider-neutral (ADR 0004).
/// </summary>
[DbContext(typeof(CalendarDbContext))]
[Migration("20261201001000_InitialCalendar")]
internal sealed class InitialCalendar : Migration
{
    private const string Schema = "calendar";

    private static readonly DateTime SeededAtUtc = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static (string Name, DateOnly First, DateOnly Last) Holiday(string name, int year, int month, int day, int lastMonth, int lastDay) =>
        (name, new DateOnly(year, month, day), new DateOnly(year, lastMonth, lastDay));

    /// <summary>
    /// 2025: 国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号 (2024-11-12).
    /// 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, published by Xinhua).
    /// Every day of each holiday period is listed (weekend days too, so the calendar shows the whole period); each
    /// make-up workday (调休上班) is a Saturday or Sunday.
    /// </summary>
    internal static IReadOnlyList<SpecialDay> Published { get; } = Build(
        holidays:
        [
            Holiday("元旦", 2025, 1, 1, 1, 1),
            Holiday("春节", 2025, 1, 28, 2, 4),
            Holiday("清明节", 2025, 4, 4, 4, 6),
            Holiday("劳动节", 2025, 5, 1, 5, 5),
            Holiday("端午节", 2025, 5, 31, 6, 2),
            Holiday("国庆节、中秋节", 2025, 10, 1, 10, 8),
            Holiday("元旦", 2026, 1, 1, 1, 3),
            Holiday("春节", 2026, 2, 15, 2, 23),
            Holiday("清明节", 2026, 4, 4, 4, 6),
            Holiday("劳动节", 2026, 5, 1, 5, 5),
            Holiday("端午节", 2026, 6, 19, 6, 21),
            Holiday("中秋节", 2026, 9, 25, 9, 27),
            Holiday("国庆节", 2026, 10, 1, 10, 7),
        ],
        makeUpDays:
        [
            ("春节调休上班", new DateOnly(2025, 1, 26)),
            ("春节调休上班", new DateOnly(2025, 2, 8)),
            ("劳动节调休上班", new DateOnly(2025, 4, 27)),
            ("国庆节、中秋节调休上班", new DateOnly(2025, 9, 28)),
            ("国庆节、中秋节调休上班", new DateOnly(2025, 10, 11)),
            ("元旦调休上班", new DateOnly(2026, 1, 4)),
            ("春节调休上班", new DateOnly(2026, 2, 14)),
            ("春节调休上班", new DateOnly(2026, 2, 28)),
            ("劳动节调休上班", new DateOnly(2026, 5, 9)),
            ("国庆节调休上班", new DateOnly(2026, 9, 20)),
            ("国庆节调休上班", new DateOnly(2026, 10, 10)),
        ]);

    private static List<SpecialDay> Build((string Name, DateOnly First, DateOnly Last)[] holidays, (string Name, DateOnly Date)[] makeUpDays)
    {
        var days = new List<SpecialDay>();
        foreach (var (name, first, last) in holidays)
        {
            for (var date = first; date <= last; date = date.AddDays(1))
            {
                days.Add(new SpecialDay { Date = date, Kind = SpecialDayKind.Holiday, Name = name, Year = date.Year, UpdatedAtUtc = SeededAtUtc });
            }
        }
        days.AddRange(makeUpDays.Select(m => new SpecialDay
        {
            Date = m.Date, Kind = SpecialDayKind.MakeUpWorkday, Name = m.Name, Year = m.Date.Year, UpdatedAtUtc = SeededAtUtc,
        }));
        return days.OrderBy(d => d.Date).ToList();
    }

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.CreateModuleSchema(Schema);
        var days = migrationBuilder.ModuleTable(Schema, "special_days");
        migrationBuilder.CreateTable(
            name: days,
            schema: schema,
            columns: table => new
            {
                Date = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Year = table.Column<int>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{days}", x => x.Date));
        migrationBuilder.CreateIndex($"IX_{days}_Year", days, "Year", schema);

        // Without a model snapshot (ADR 0004) InsertData needs the columns' store types to write its literals: the types
        // the CreateTable above produced on each provider (the schema test holds the table itself to the model).
        string[] types = MigrationNaming.IsSqlite(migrationBuilder)
            ? ["TEXT", "TEXT", "TEXT", "INTEGER", "TEXT"]
            : ["date", "character varying(20)", "character varying(50)", "integer", "timestamp with time zone"];
        foreach (var day in Published)
        {
            migrationBuilder.InsertData(
                table: days,
                columns: ["Date", "Kind", "Name", "Year", "UpdatedAtUtc"],
                columnTypes: types,
                values: [day.Date, day.Kind.ToString(), day.Name, day.Year, day.UpdatedAtUtc],
                schema: schema);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "special_days"), migrationBuilder.ModuleSchema(Schema));
        migrationBuilder.DropOutboxTables(Schema);
    }
}
