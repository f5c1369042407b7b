using System.Text.RegularExpressions;
using CongressPlatform.EndToEndTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace CongressPlatform.EndToEndTests;

/// <summary>
/// The duty archive in Debian chromium: a deputy signs in and lands on 我的履职档案 (also on a phone); office staff open a
/// deputy from the points ranking, record a deed for the people and see the points rise; the rankings page shows its
/// scope switch and tied places (axe-core on each page).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class DeputyArchiveTests(EndToEnd e2e)
{
    private const string DeputyName = "李秀英";

    /// <summary>
    /// deputy.li's file with a seat in 东柳街道, unless the registry's demo data already made it (then nothing happens):
    /// no screen of this branch creates a deputy.
    /// </summary>
    private async Task EnsureDeputyLiAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={e2e.Host.DatabasePath}");
        await connection.OpenAsync();
        var deputyId = Guid.NewGuid().ToString().ToUpperInvariant();
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO deputies_deputies (Id, Version, Name, Gender, Ethnicity, BirthYear, Party, Occupation, WorkUnit, Mobile, UserId, CreatedAtUtc, UpdatedAtUtc)
                SELECT $id, $version, $name, 1, '汉族', 1978, '中共党员', '社区医生', '东柳社区卫生服务中心', '13999990002', u.Id, '2026-01-01 00:00:00', '2026-01-01 00:00:00'
                FROM identity_users u
                WHERE u.UserName = 'deputy.li' AND NOT EXISTS (SELECT 1 FROM deputies_deputies d WHERE d.UserId = u.Id);
                INSERT INTO deputies_seats (Id, TenantId, TenantPath, Version, DeputyId, Level, Term, Constituency, ElectedOn, ByElection, Status)
                SELECT $seat, t.Id, t.Path, $version, $id, 1, 17, '东柳第三选区', '2021-11-01', 0, 0
                FROM identity_tenants t
                WHERE t.Code = 'dongliu' AND EXISTS (SELECT 1 FROM deputies_deputies d WHERE d.Id = $id);
                """;
            insert.Parameters.AddWithValue("$id", deputyId);
            insert.Parameters.AddWithValue("$seat", Guid.NewGuid().ToString().ToUpperInvariant());
            insert.Parameters.AddWithValue("$version", Guid.NewGuid().ToString().ToUpperInvariant());
            insert.Parameters.AddWithValue("$name", DeputyName);
            await insert.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task A_deputy_signs_in_and_lands_on_their_own_archive()
    {
        await EnsureDeputyLiAsync();
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await EndToEnd.SignInAsync(page, "deputy.li");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/deputies/my-archive$"), new() { Timeout = 30_000 });
        var archive = page.GetByTestId("my-archive");
        await Assertions.Expect(archive).ToContainTextAsync("我的履职档案", new() { Timeout = 30_000 });
        await Assertions.Expect(archive).ToContainTextAsync($"{DeputyName},您好");
        await Assertions.Expect(page.GetByTestId("my-rank")).ToBeVisibleAsync();
        await EndToEnd.ScreenshotAsync(page, "deputy-my-archive");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();
        errors.Should().BeEmpty();

        var (phoneContext, phone, phoneErrors) = await e2e.NewPageAsync(phone: true);
        await using var __ = phoneContext;
        await phone.GotoAsync("/");
        await EndToEnd.SignInAsync(phone, "deputy.li");
        await Assertions.Expect(phone.GetByTestId("my-archive")).ToContainTextAsync("我的履职档案", new() { Timeout = 30_000 });
        await EndToEnd.ScreenshotAsync(phone, "deputy-my-archive-phone");
        phoneErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task Office_staff_record_a_deed_and_see_the_points_rise_then_read_the_rankings()
    {
        await EnsureDeputyLiAsync();
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/deputies/rankings");
        await EndToEnd.SignInAsync(page, "dongliu.staff");
        var table = page.GetByTestId("ranking-table");
        await Assertions.Expect(table).ToContainTextAsync(DeputyName, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("policy-note")).ToContainTextAsync("积分办法第");
        await EndToEnd.ScreenshotAsync(page, "deputy-rankings");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();

        await table.GetByRole(AriaRole.Button, new() { Name = DeputyName }).ClickAsync();
        var drawer = page.GetByTestId("deputy-drawer");
        await drawer.GetByRole(AriaRole.Tab, new() { Name = "积分" }).ClickAsync();
        var total = drawer.GetByTestId("points-total");
        await Assertions.Expect(total).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var before = int.Parse(Digits().Match(await total.InnerTextAsync()).Value, System.Globalization.CultureInfo.InvariantCulture);

        await drawer.GetByRole(AriaRole.Tab, new() { Name = "履职档案" }).ClickAsync();
        await drawer.GetByTestId("add-deed").ClickAsync();
        var form = page.GetByTestId("deed-form");
        var title = $"协调修缮楼道照明{DateTime.UtcNow:HHmmss}";
        await form.GetByLabel("事项").FillAsync(title);
        await form.GetByLabel("受益对象").FillAsync("东柳小区5幢居民");
        await form.GetByLabel("受益人数").FillAsync("36");
        await form.GetByLabel("金额(元)").FillAsync("2800");
        await form.GetByTestId("deed-save").ClickAsync();
        await Assertions.Expect(page.GetByText("已登记")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var timeline = drawer.GetByTestId("duty-timeline");
        await Assertions.Expect(timeline).ToContainTextAsync($"为民办实事:{title}", new() { Timeout = 15_000 });
        await Assertions.Expect(timeline).ToContainTextAsync("¥2,800");

        await drawer.GetByRole(AriaRole.Tab, new() { Name = "积分" }).ClickAsync();
        await Assertions.Expect(total).ToHaveTextAsync(new Regex($"{before + 5}"), new() { Timeout = 15_000 });
        await EndToEnd.ScreenshotAsync(page, "deputy-drawer-points");
        errors.Should().BeEmpty();
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
