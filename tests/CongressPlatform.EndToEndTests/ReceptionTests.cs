using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using CongressPlatform.EndToEndTests.Infrastructure;

namespace CongressPlatform.EndToEndTests;

/// <summary>
/// A centralised reception event (集中接待选民活动) in Debian chromium: 东柳's staff plan one today across two stations and
/// online (a deputy of each station at their station, 李秀英 online), mark the attendance sheet (attended, leave with a
/// reason), close it, and 李秀英 (<c>deputy.li</c>) finds the record in 我的履职档案. axe on each page.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReceptionTests(EndToEnd e2e)
{
    private const string First = "锦绣社区联络站";
    private const string Second = "和平社区联络站";

    /// <summary>A demo deputy (not 李秀英) assigned to the named demo station.</summary>
    private async Task<string> DeputyAtAsync(string station)
    {
        await using var db = new SqliteConnection($"Data Source={e2e.Host.DatabasePath}");
        await db.OpenAsync();
        var find = db.CreateCommand();
        find.CommandText = """
            SELECT sd.DeputyName FROM stations_station_deputies sd JOIN stations_stations s ON s.Id = sd.StationId
            WHERE s.Name = $station AND sd.EndedOn IS NULL AND sd.DeputyName <> '李秀英' ORDER BY sd.DeputyName LIMIT 1
            """;
        find.Parameters.AddWithValue("$station", station);
        return (string?)await find.ExecuteScalarAsync() ?? throw new InvalidOperationException($"The demo data has no deputy at {station}.");
    }

    private static async Task PickAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Keyboard.TypeAsync(option);
        var choice = page.Locator(".ant-select-dropdown:visible .ant-select-item-option").Filter(new() { HasText = option }).First;
        await choice.ClickAsync();
        // The select shows what was picked (a tag, or the single value once its list has closed): the option itself
        // may already be gone with its closing list.
        var wrapper = select.Locator("xpath=ancestor-or-self::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]");
        await Assertions.Expect(wrapper).ToContainTextAsync(option, new() { Timeout = 15_000 });
        await page.Keyboard.PressAsync("Escape");
    }

    [Fact]
    public async Task Staff_plan_an_event_across_two_stations_and_online_mark_attendance_close_it_and_the_deputy_sees_the_record()
    {
        var (atFirst, atSecond) = (await DeputyAtAsync(First), await DeputyAtAsync(Second));
        var title = $"集中接待选民活动{Random.Shared.Next(1000, 9999)}";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

        var (context, staff, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        var refused = new List<string>();
        staff.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                refused.Add($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };
        await staff.GotoAsync("/stations/receptions/new");
        await EndToEnd.SignInAsync(staff, "dongliu.staff");
        await Assertions.Expect(staff.GetByTestId("reception-form")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await staff.GetByTestId("reception-title").FillAsync(title);
        var date = staff.GetByLabel("日期", new() { Exact = true });
        await date.ClickAsync();
        await date.FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await date.PressAsync("Enter");
        var time = staff.GetByLabel("时间", new() { Exact = true });
        await time.ClickAsync();
        await time.FillAsync("00:00");
        await time.PressAsync("Enter");
        await staff.Keyboard.TypeAsync("23:55");
        await staff.Keyboard.PressAsync("Enter");
        await staff.Keyboard.PressAsync("Escape");
        await PickAsync(staff, staff.GetByLabel("接待联络站"), First);
        await PickAsync(staff, staff.GetByLabel("接待联络站"), Second);
        await staff.GetByTestId("reception-online").FillAsync("东柳街道人大代表微信群");

        var planned = staff.GetByTestId("reception-participants");
        foreach (var name in new[] { atFirst, atSecond, "李秀英" })
        {
            await PickAsync(staff, staff.GetByTestId("reception-pick"), name);
            await staff.GetByTestId("reception-add").ClickAsync();
            await Assertions.Expect(planned).ToContainTextAsync(name, new() { Timeout = 15_000 });
        }
        await Assertions.Expect(planned.Locator("tbody tr.ant-table-row")).ToHaveCountAsync(3);
        // Each station's deputy goes to their own station; 李秀英 receives online.
        await Assertions.Expect(planned.Locator("tr", new() { HasText = atFirst })).ToContainTextAsync(First);
        await Assertions.Expect(planned.Locator("tr", new() { HasText = atSecond })).ToContainTextAsync(Second);
        await staff.GetByLabel("接待地点 李秀英").ClickAsync();
        await staff.Locator(".ant-select-dropdown:visible .ant-select-item-option").Filter(new() { HasText = "线上" }).First.ClickAsync();
        await staff.Mouse.MoveAsync(0, 0);
        (await EndToEnd.AccessibilityViolationsAsync(staff)).Should().BeEmpty();
        await staff.GetByTestId("reception-save").ClickAsync();

        var sheet = staff.GetByTestId("reception-sheet");
        await Assertions.Expect(sheet).ToContainTextAsync(atSecond, new() { Timeout = 30_000 });
        await Assertions.Expect(sheet.Locator("tr", new() { HasText = "李秀英" })).ToContainTextAsync("线上");
        await Assertions.Expect(staff.GetByTestId("reception-close")).ToBeDisabledAsync();
        await sheet.Locator("tr", new() { HasText = atFirst }).GetByText("出席").ClickAsync();
        await sheet.Locator("tr", new() { HasText = "李秀英" }).GetByText("出席").ClickAsync();
        var excused = sheet.Locator("tr", new() { HasText = atSecond });
        await excused.GetByText("请假").ClickAsync();
        await excused.GetByPlaceholder("请假事由").FillAsync("参加区人大培训");
        await staff.GetByTestId("reception-save-sheet").ClickAsync();
        await Assertions.Expect(staff.GetByText("出勤登记已保存")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(staff.GetByTestId("reception-totals")).ToContainTextAsync("出席2人(其中线上1人),请假1人");
        await staff.Mouse.MoveAsync(0, 0);
        (await EndToEnd.AccessibilityViolationsAsync(staff)).Should().BeEmpty();
        await EndToEnd.ScreenshotAsync(staff, "reception-sheet");
        await staff.GetByTestId("reception-close").ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { NameRegex = new("^确\\s*定$") }).ClickAsync();
        await Assertions.Expect(staff.GetByText("活动已结束,履职记录已归档")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(staff.GetByTestId("reception-detail")).ToContainTextAsync("已结束");

        // The archive is told through the outbox (dispatched by the scheduler): 李秀英's record arrives shortly after.
        var (deputyContext, deputy, deputyErrors) = await e2e.NewPageAsync(phone: true);
        await using var __ = deputyContext;
        await deputy.GotoAsync("/deputies/my-archive");
        await EndToEnd.SignInAsync(deputy, "deputy.li");
        var archive = deputy.GetByTestId("my-archive");
        await Assertions.Expect(archive).ToContainTextAsync("我的履职档案", new() { Timeout = 30_000 });
        for (var attempt = 0; attempt < 12 && !(await archive.InnerTextAsync()).Contains(title, StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(5_000);
            await deputy.ReloadAsync();
            await Assertions.Expect(archive).ToContainTextAsync("我的履职档案", new() { Timeout = 30_000 });
        }
        await Assertions.Expect(archive).ToContainTextAsync($"集中接待选民活动:{title}");
        await EndToEnd.ScreenshotAsync(deputy, "reception-my-archive");
        errors.Should().BeEmpty(string.Join("; ", refused));
        deputyErrors.Should().BeEmpty();
    }
}
