using System.Text;
using CongressPlatform.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace CongressPlatform.EndToEndTests;

/// <summary>
/// 代表名册 in Debian chromium: the list filtered by level and searched, a deputy's file opened with its tabs, and an
/// import refused with its row-by-row report, then a corrected file imported.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DeputiesRegistryTests(EndToEnd e2e)
{
    private const string Header = "姓名*,性别*,民族,出生年份,政治面貌*,学历,职业,工作单位及职务,手机号*,电子邮箱,代表层级*,届次*,选区*,当选日期*,是否补选";

    [Fact]
    public async Task Staff_filter_the_registry_open_a_file_and_import_a_roster_after_fixing_its_bad_row()
    {
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/deputies/registry");
        await EndToEnd.SignInAsync(page, "dongliu.staff");
        var table = page.GetByTestId("deputies-table");
        await Assertions.Expect(table).ToContainTextAsync("李秀英", new() { Timeout = 30_000 });
        await Assertions.Expect(table).ToContainTextAsync("138****0002");

        // The level filter: the street organises district deputies (and one city deputy); no township deputies.
        await page.GetByTestId("deputies-level").ClickAsync();
        await page.Locator(".ant-select-dropdown:visible").GetByText("乡镇", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("level=Township"));
        await Assertions.Expect(table).Not.ToContainTextAsync("李秀英", new() { Timeout = 15_000 });
        await page.GotoAsync("/deputies/registry?level=District");
        await page.GetByTestId("deputies-search").Locator("input").FillAsync("李秀英");
        await page.GetByTestId("deputies-search").Locator("input").PressAsync("Enter");
        await Assertions.Expect(table.Locator("tbody tr.ant-table-row")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".ant-spin-spinning")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await EndToEnd.ScreenshotAsync(page, "deputies-registry");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();

        // The file: basic information masked, seats, consent, invitation.
        await table.GetByRole(AriaRole.Link, new() { Name = "李秀英" }).First.ClickAsync();
        var detail = page.GetByTestId("deputy-detail");
        await Assertions.Expect(detail.GetByTestId("deputy-profile")).ToContainTextAsync("138****0002", new() { Timeout = 30_000 });
        await Assertions.Expect(detail.GetByTestId("deputy-profile")).ToContainTextAsync("东柳街道锦绣社区党委 书记");
        await detail.GetByRole(AriaRole.Tab, new() { Name = "席位" }).ClickAsync();
        await Assertions.Expect(detail.GetByTestId("deputy-seats")).ToContainTextAsync("第十七届");
        await Assertions.Expect(detail.GetByTestId("deputy-seats")).ToContainTextAsync("东柳街道第三选区");
        await detail.GetByRole(AriaRole.Tab, new() { Name = "公开授权" }).ClickAsync();
        await Assertions.Expect(detail.GetByTestId("deputy-consents")).ToContainTextAsync("已同意公开");
        await Assertions.Expect(detail.GetByTestId("deputy-consent-history")).ToContainTextAsync("授权书");
        await detail.GetByRole(AriaRole.Tab, new() { Name = "账号开通" }).ClickAsync();
        await Assertions.Expect(detail.GetByTestId("deputy-invite")).ToContainTextAsync("已开通账号");
        await EndToEnd.ScreenshotAsync(page, "deputy-detail");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();

        // Import: a file with a bad row imports nothing and shows the report; the corrected file imports.
        var suffix = (DateTime.UtcNow.Ticks % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var good = $"周{Digits(suffix)}";
        var bad = string.Join("\r\n", Header, Row(good, $"136{suffix}"), Row("吴测试", "1234")) + "\r\n";
        await page.GotoAsync("/deputies/registry");
        await page.GetByTestId("deputies-import").ClickAsync();
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByTestId("import-choose").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "代表名册.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        var report = page.GetByTestId("import-report");
        await Assertions.Expect(report).ToContainTextAsync("未导入任何数据", new() { Timeout = 30_000 });
        await Assertions.Expect(report).ToContainTextAsync("手机号“1234”格式不正确");
        await Assertions.Expect(report.Locator("tbody tr.ant-table-row").First).ToContainTextAsync("3");
        // The upload button leaves its loading state (faded) once the answer is in.
        await Assertions.Expect(page.GetByTestId("import-choose")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ant-btn-loading"));
        await Assertions.Expect(page.Locator(".ant-modal .ant-btn-loading-icon")).ToHaveCountAsync(0);
        // Axe judges the colours as they are, and a hovered button is lighter: the pointer leaves it first.
        await page.Mouse.MoveAsync(0, 0);
        await page.WaitForTimeoutAsync(300);
        await EndToEnd.ScreenshotAsync(page, "deputies-import-report");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("import-report-download").ClickAsync());
        download.SuggestedFilename.Should().EndWith(".csv");

        var fixedFile = string.Join("\r\n", Header, Row(good, $"136{suffix}"), Row("吴" + Digits(suffix), $"135{suffix}")) + "\r\n";
        chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByTestId("import-choose").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "代表名册.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(fixedFile) });
        await Assertions.Expect(page.GetByText("导入成功:2 行")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByTestId("deputies-search").Locator("input").FillAsync(good);
        await page.GetByTestId("deputies-search").Locator("input").PressAsync("Enter");
        await Assertions.Expect(table).ToContainTextAsync(good, new() { Timeout = 15_000 });
        await Assertions.Expect(table).ToContainTextAsync($"136****{suffix[^4..]}");
        // The refused import's 422 is the browser's only complaint.
        errors.Should().OnlyContain(e => e.Contains("status of 422", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_registry_is_usable_at_a_phones_width()
    {
        var (context, page, errors) = await e2e.NewPageAsync(phone: true);
        await using var _ = context;
        await page.GotoAsync("/deputies/registry");
        await EndToEnd.SignInAsync(page, "dongliu.staff");
        await Assertions.Expect(page.GetByTestId("deputies-table")).ToContainTextAsync("李秀英", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("deputies-register")).ToBeVisibleAsync();
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue("the page must not scroll sideways");
        await EndToEnd.ScreenshotAsync(page, "deputies-registry-phone");
        errors.Should().BeEmpty();
    }

    private static string Row(string name, string mobile) =>
        $"{name},女,汉族,1980,中共党员,大学本科,教师,东柳街道中心小学 教师,{mobile},,区,17,东柳街道第六选区,2021-11-18,否";

    private static string Digits(string number) => string.Concat(number.Select(c => "零一二三四五六七八九"[c - '0']));
}
