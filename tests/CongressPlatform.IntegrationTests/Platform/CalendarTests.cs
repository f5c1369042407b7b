using System.Net;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Platform;

public sealed record SpecialDayView(DateOnly Date, string Kind, string Name);

public sealed record CalendarYearView(int Year, bool Covered, string? Note, List<SpecialDayView> Days);

public sealed record WorkingDaysView(
    DateOnly? From, int? Days, DateOnly Date, bool IsWorkingDay, string DayType, string? Name, List<SpecialDayView> SpecialDays, bool Covered, string? Note);

/// <summary>The working-day calendar over HTTP: the seeded years, the counting, an administrator's edit, refusals.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CalendarTests(Platforms platforms)
{
    private const string Calendar = "/api/platform/calendar";

    private static HttpClient Admin(PlatformFactory factory) => factory.As("sysadmin", Demo.District, "system-admin");

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Every_role_reads_the_seeded_years_and_counts_deadlines_across_National_Day(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var deputy = factory.As("deputy-li", Demo.Street, "deputy");

        var year = await (await deputy.GetAsync($"{Calendar}/2025")).ReadAsync<CalendarYearView>();
        year.Covered.Should().BeTrue();
        year.Days.Should().Contain(new SpecialDayView(new DateOnly(2025, 1, 28), "Holiday", "春节"));
        year.Days.Should().Contain(new SpecialDayView(new DateOnly(2025, 10, 11), "MakeUpWorkday", "国庆节、中秋节调休上班"));
        year.Days.Select(d => d.Date).Should().BeInAscendingOrder();
        (await (await deputy.GetAsync($"{Calendar}/2026")).ReadAsync<CalendarYearView>()).Days
            .Should().Contain(new SpecialDayView(new DateOnly(2026, 2, 14), "MakeUpWorkday", "春节调休上班"));

        var answer = await (await deputy.GetAsync($"{Calendar}/working-days?from=2025-09-26&days=7")).ReadAsync<WorkingDaysView>();
        answer.Date.Should().Be(new DateOnly(2025, 10, 13));
        answer.IsWorkingDay.Should().BeTrue();
        answer.Covered.Should().BeTrue();
        answer.Note.Should().BeNull();
        answer.SpecialDays.Select(d => d.Date).Should().HaveCount(10).And.Contain([new DateOnly(2025, 9, 28), new DateOnly(2025, 10, 11)]);

        var check = await (await deputy.GetAsync($"{Calendar}/working-days?date=2026-02-28")).ReadAsync<WorkingDaysView>();
        check.Should().BeEquivalentTo(new { IsWorkingDay = true, DayType = "MakeUpWorkday", Name = "春节调休上班", Covered = true });
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_year_without_holidays_follows_weekends_only_and_says_so(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-zhao", Demo.Street, "staff");

        var year = await (await staff.GetAsync($"{Calendar}/2040")).ReadAsync<CalendarYearView>();
        year.Covered.Should().BeFalse();
        year.Days.Should().BeEmpty();
        year.Note.Should().Contain("尚未录入");

        var answer = await (await staff.GetAsync($"{Calendar}/working-days?from=2040-12-28&days=3")).ReadAsync<WorkingDaysView>();
        answer.Date.Should().Be(new DateOnly(2041, 1, 2), "Friday 28 December 2040 + 3 working days, weekends only");
        answer.Covered.Should().BeFalse();
        answer.Note.Should().Contain("2040、2041");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_administrators_edit_changes_the_answer_at_once_and_deleting_it_restores_it(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = Admin(factory);
        var reader = factory.As("leader-chen", Demo.District, "leader");
        const string Count = $"{Calendar}/working-days?from=2030-03-04&days=1";
        (await (await reader.GetAsync(Count)).ReadAsync<WorkingDaysView>()).Date.Should().Be(new DateOnly(2030, 3, 5));

        var saved = await (await admin.PutJsonAsync($"{Calendar}/days/2030-03-05", new { kind = "Holiday", name = " 临时休假 " }))
            .ReadAsync<SpecialDayView>();
        saved.Should().Be(new SpecialDayView(new DateOnly(2030, 3, 5), "Holiday", "临时休假"));
        var changed = await (await reader.GetAsync(Count)).ReadAsync<WorkingDaysView>();
        changed.Date.Should().Be(new DateOnly(2030, 3, 6));
        changed.SpecialDays.Should().Equal(saved);

        // A make-up Saturday: the day before the Sunday counts now.
        await (await admin.PutJsonAsync($"{Calendar}/days/2030-03-09", new { kind = "MakeUpWorkday", name = "调休上班" })).ReadAsync<SpecialDayView>();
        (await (await reader.GetAsync($"{Calendar}/working-days?from=2030-03-08&days=1")).ReadAsync<WorkingDaysView>()).Date
            .Should().Be(new DateOnly(2030, 3, 9));
        (await (await reader.GetAsync($"{Calendar}/2030")).ReadAsync<CalendarYearView>()).Days.Should().HaveCount(2);

        (await admin.DeleteAsync($"{Calendar}/days/2030-03-05")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.DeleteAsync($"{Calendar}/days/2030-03-09")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await reader.GetAsync(Count)).ReadAsync<WorkingDaysView>()).Date.Should().Be(new DateOnly(2030, 3, 5));
        (await (await reader.GetAsync($"{Calendar}/2030")).ReadAsync<CalendarYearView>()).Covered.Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Only_the_system_administrator_edits_and_nobody_unsigned_reads(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var body = new { kind = "Holiday", name = "不该保存" };
        foreach (var (user, tenant, role) in new[] { ("da", Demo.District, "tenant-admin"), ("st", Demo.Street, "staff"), ("sec", Demo.District, "security-admin") })
        {
            var client = factory.As(user, tenant, role);
            await (await client.PutJsonAsync($"{Calendar}/days/2031-05-06", body)).ProblemAsync(403);
            await (await client.DeleteAsync($"{Calendar}/days/2025-10-01")).ProblemAsync(403);
        }
        await (await factory.CreateClient().GetAsync($"{Calendar}/2025")).ProblemAsync(401);
        (await (await Admin(factory).GetAsync($"{Calendar}/2031")).ReadAsync<CalendarYearView>()).Days.Should().BeEmpty();
        (await (await Admin(factory).GetAsync($"{Calendar}/2025")).ReadAsync<CalendarYearView>()).Days
            .Should().Contain(d => d.Date == new DateOnly(2025, 10, 1));
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Bad_input_is_refused_in_Chinese_and_changes_nothing(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = Admin(factory);
        var before = await (await admin.GetAsync($"{Calendar}/2025")).ReadAsync<CalendarYearView>();

        async Task<JsonElement> Put(string date, object body, int status) =>
            await (await admin.PutJsonAsync($"{Calendar}/days/{date}", body)).ProblemAsync(status);

        (await Put("2025-10-13", new { kind = "MakeUpWorkday", name = "调休" }, 400))
            .GetProperty("errors").GetProperty("date")[0].GetString().Should().Contain("周六或周日");
        (await Put("2025-10-14", new { kind = "Holiday", name = "  " }, 400))
            .GetProperty("errors").GetProperty("name")[0].GetString().Should().Contain("名称");
        (await Put("2025-10-14", new { kind = "Holiday", name = new string('节', 51) }, 400)).GetProperty("code").GetString().Should().Be("validation");
        (await Put("1999-10-14", new { kind = "Holiday", name = "太早" }, 400)).GetProperty("errors").GetProperty("date")[0].GetString().Should().Contain("2000");
        (await Put("2025-02-30", new { kind = "Holiday", name = "无此日" }, 400)).GetProperty("detail").GetString().Should().Contain("请求");
        (await Put("2025-10-14", new { kind = "Festival", name = "未知类型" }, 400)).GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
        (await (await admin.PutAsync($"{Calendar}/days/2025-10-14", Http.RawJson("{\"kind\":\"Holiday\",\"name\":\"x\",\"year\":2024}"))).ProblemAsync(400))
            .GetProperty("code").GetString().Should().Be("request.unknown_field");
        (await (await admin.DeleteAsync($"{Calendar}/days/2025-10-14")).ProblemAsync(404)).GetProperty("detail").GetString().Should().Contain("未找到");

        (await (await admin.GetAsync($"{Calendar}/working-days?from=2025-10-01")).ProblemAsync(400)).GetProperty("errors").GetProperty("days")[0].GetString().Should().Contain("天数");
        (await (await admin.GetAsync($"{Calendar}/working-days?from=2025-10-01&days=-1")).ProblemAsync(400)).GetProperty("code").GetString().Should().Be("validation");
        (await (await admin.GetAsync($"{Calendar}/working-days?from=2025-10-01&days=1001")).ProblemAsync(400)).GetProperty("code").GetString().Should().Be("validation");
        (await (await admin.GetAsync($"{Calendar}/working-days?date=2025-10-01&from=2025-10-01&days=1")).ProblemAsync(400))
            .GetProperty("errors").GetProperty("date")[0].GetString().Should().Contain("只提供");
        (await (await admin.GetAsync($"{Calendar}/working-days")).ProblemAsync(400)).GetProperty("title").GetString().Should().Be("请求有误");
        (await (await admin.GetAsync($"{Calendar}/working-days?date=tomorrow")).ProblemAsync(400)).GetProperty("code").GetString().Should().Be("request.invalid");
        (await (await admin.GetAsync($"{Calendar}/1999")).ProblemAsync(400)).GetProperty("errors").GetProperty("year")[0].GetString().Should().Contain("年份");

        (await (await admin.GetAsync($"{Calendar}/2025")).ReadAsync<CalendarYearView>()).Should().BeEquivalentTo(before);
    }
}
