using System.Net.Http.Json;
using System.Text.Json;
using CongressPlatform.EndToEndTests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace CongressPlatform.EndToEndTests;

/// <summary>
/// Report-back in Debian chromium: a voters' representative rates a deputy on a phone through the public ballot (no
/// account): votes, is told the device already voted, and finds a closed ballot closed; office staff generate a quarter's
/// reports and review a reminder letter (edit, download, the refusal to send to a deputy without an account); office staff
/// plan a deputy's report-back, draft its text from the archive, finalise it, enter a paper tally and record the result.
/// axe on each.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReportBackTests(EndToEnd e2e)
{
    /// <summary>
    /// A deputy with a serving district seat organised by 东柳街道, written into the host's database: this branch has no
    /// registry API yet (the registry's persons API replaces this at merge).
    /// </summary>
    private async Task<Guid> SeedDeputyAsync(string name)
    {
        using var http = StaffClient();
        var tenants = await http.GetFromJsonAsync<JsonElement>("/api/identity/tenants");
        var dongliu = tenants.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "dongliu");
        var (tenantId, path) = (dongliu.GetProperty("id").GetGuid(), dongliu.GetProperty("path").GetString()!);
        var id = Guid.CreateVersion7();
        string G(Guid g) => g.ToString().ToUpperInvariant();
        await using var db = new SqliteConnection($"Data Source={e2e.Host.DatabasePath}");
        await db.OpenAsync();
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
        var command = db.CreateCommand();
        command.CommandText = """
            INSERT INTO deputies_deputies (Id, Version, Name, Gender, Ethnicity, Party, Mobile, CreatedAtUtc, UpdatedAtUtc)
            VALUES ($id, $v1, $name, 1, '汉族', '群众', $mobile, $now, $now);
            INSERT INTO deputies_seats (Id, TenantId, TenantPath, Version, DeputyId, Level, Term, Constituency, ElectedOn, ByElection, Status)
            VALUES ($seat, $tenant, $path, $v2, $id, 1, 17, '第二选区', '2021-11-01', 0, 0);
            """;
        command.Parameters.AddWithValue("$id", G(id));
        command.Parameters.AddWithValue("$v1", G(Guid.NewGuid()));
        command.Parameters.AddWithValue("$v2", G(Guid.NewGuid()));
        command.Parameters.AddWithValue("$seat", G(Guid.CreateVersion7()));
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$mobile", $"137{Random.Shared.Next(10000000, 99999999)}");
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$tenant", G(tenantId));
        command.Parameters.AddWithValue("$path", path);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>The office's staff through the development sign-in of the Development host (README), for the set-up calls.</summary>
    private HttpClient StaffClient()
    {
        var http = new HttpClient { BaseAddress = new Uri(e2e.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Dev-User", "e2e-rb-staff");
        http.DefaultRequestHeaders.Add("X-Dev-Tenant", "dongliu");
        http.DefaultRequestHeaders.Add("X-Dev-Roles", "staff");
        return http;
    }

    private async Task<string> OpenBallotAsync(string deputyName, bool close)
    {
        var deputy = await SeedDeputyAsync(deputyName);
        using var http = StaffClient();
        var planned = await http.PostAsJsonAsync("/api/deputies/report-backs", new
        {
            deputyId = deputy, year = DateTime.UtcNow.Year, plannedOn = $"{DateTime.UtcNow.Year}-12-20", place = "东柳社区联络站",
            form = "Oral", expectedRepresentatives = 20, minBallots = 1, satisfiedThreshold = 80, basicThreshold = 60,
        });
        planned.EnsureSuccessStatusCode();
        var rb = await planned.Content.ReadFromJsonAsync<JsonElement>();
        var opened = await http.PostAsJsonAsync($"/api/deputies/report-backs/{rb.GetProperty("id").GetGuid()}/ballot", new
        {
            opensAtUtc = DateTime.UtcNow.AddMinutes(-1), closesAtUtc = DateTime.UtcNow.AddHours(2), requiresVoterCode = false,
            version = rb.GetProperty("version").GetGuid(),
        });
        opened.EnsureSuccessStatusCode();
        rb = await opened.Content.ReadFromJsonAsync<JsonElement>();
        if (close)
        {
            (await http.PostAsJsonAsync($"/api/deputies/report-backs/{rb.GetProperty("id").GetGuid()}/ballot/close",
                new { version = rb.GetProperty("version").GetGuid() })).EnsureSuccessStatusCode();
        }
        return rb.GetProperty("ballot").GetProperty("token").GetString()!;
    }

    [Fact]
    public async Task A_voter_rates_on_a_phone_once_and_a_closed_ballot_says_so()
    {
        var token = await OpenBallotAsync("王述职", close: false);
        var closed = await OpenBallotAsync("李已结束", close: true);

        var (context, page, errors) = await e2e.NewPageAsync(phone: true);
        await using var _ = context;
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync($"/p/ballots/{token}");
        var ballot = page.GetByTestId("public-ballot");
        await Assertions.Expect(ballot).ToContainTextAsync("王述职代表", new() { Timeout = 30_000 });
        await Assertions.Expect(ballot).ToContainTextAsync("东柳社区联络站");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360);
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();

        await page.GetByTestId("ballot-submit").ClickAsync();
        await Assertions.Expect(page.GetByText("请选择一项评价")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.Locator("label.ant-radio-button-wrapper").Filter(new() { HasTextRegex = new("^满意$") }).ClickAsync();
        await page.GetByTestId("ballot-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ballot-thanks")).ToContainTextAsync("投票成功", new() { Timeout = 15_000 });
        await EndToEnd.ScreenshotAsync(page, "public-ballot-voted");

        // The same phone again: the signed cookie says it voted.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("ballot-already")).ToContainTextAsync("已经投过票", new() { Timeout = 15_000 });
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();

        await page.GotoAsync($"/p/ballots/{closed}");
        await Assertions.Expect(page.GetByTestId("ballot-closed")).ToContainTextAsync("测评已结束", new() { Timeout = 15_000 });
        await EndToEnd.ScreenshotAsync(page, "public-ballot-closed");

        // The office sees the vote counted.
        using var http = StaffClient();
        var list = await http.GetFromJsonAsync<JsonElement>($"/api/deputies/report-backs?year={DateTime.UtcNow.Year}");
        var id = list.EnumerateArray().Single(r => r.GetProperty("deputyName").GetString() == "王述职").GetProperty("id").GetGuid();
        (await http.GetFromJsonAsync<JsonElement>($"/api/deputies/report-backs/{id}")).GetProperty("ballot").GetProperty("votes").GetInt32().Should().Be(1);
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Staff_generate_the_quarter_and_review_a_reminder_letter()
    {
        await SeedDeputyAsync("赵提示");
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/deputies/quarterly-reports");
        await EndToEnd.SignInAsync(page, "dongliu.staff");
        await page.GetByTestId("quarterly-run").ClickAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("新生成履职档案")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        var row = page.GetByTestId("letters-table").Locator("tr", new() { HasText = "赵提示" });
        await Assertions.Expect(row).ToContainTextAsync("草稿", new() { Timeout = 15_000 });
        await row.GetByRole(AriaRole.Button, new() { Name = "审核修改" }).ClickAsync();
        var body = page.GetByTestId("letter-body");
        await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("赵提示代表"), new() { Timeout = 10_000 });
        await body.FillAsync((await body.InputValueAsync()) + "\n请于下月参加集中学习。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保 存" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "保存" })).ClickAsync();
        await Assertions.Expect(page.GetByTestId("letter-body")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Assertions.Expect(row).ToContainTextAsync("草稿");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();
        await EndToEnd.ScreenshotAsync(page, "quarterly-letters");

        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Button, new() { NameRegex = new("^下载") }).ClickAsync());
        download.SuggestedFilename.Should().Contain("温馨提示函-赵提示");
        var saved = Path.Combine(Paths.Results, "reminder-letter.docx");
        await download.SaveAsAsync(saved);
        using (var document = WordprocessingDocument.Open(saved, false))
        {
            document.MainDocumentPart!.Document.Body!.InnerText.Should().Contain("温馨提示函").And.Contain("请于下月参加集中学习。");
        }

        // The seeded deputy has no account: sending is refused, in Chinese, and the letter stays a draft.
        await row.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await page.Locator(".ant-popconfirm").GetByRole(AriaRole.Button, new() { NameRegex = new("确") }).ClickAsync();
        await Assertions.Expect(page.GetByText("该代表尚未开通平台账号")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(row).ToContainTextAsync("草稿");
        errors.Should().OnlyContain(e => e.Contains("status of 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_plan_a_report_back_draft_it_from_the_archive_enter_the_paper_tally_and_record_the_result()
    {
        var name = "钱述职" + Random.Shared.Next(100, 999);
        var deputy = await SeedDeputyAsync(name);
        using (var http = StaffClient())
        {
            (await http.PostAsJsonAsync($"/api/deputies/deputies/{deputy}/deeds", new
            {
                type = "ForPeople", title = "为东柳小区加装电梯协调", occurredOn = $"{DateTime.UtcNow.Year}-03-12", beneficiaries = "东柳小区 3 栋居民",
                beneficiaryCount = 24, amount = (decimal?)null, evidence = "居民签字",
            })).EnsureSuccessStatusCode();
        }
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/deputies/report-backs");
        await EndToEnd.SignInAsync(page, "dongliu.staff");

        await page.GetByTestId("report-back-plan").ClickAsync(new() { Timeout = 30_000 });
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("代表", new() { Exact = true }).ClickAsync();
        await page.Keyboard.TypeAsync(name);
        await page.Locator(".ant-select-item-option", new() { HasText = name }).First.ClickAsync();
        await dialog.GetByLabel("地点").FillAsync("东柳社区联络站二楼会议室");
        await dialog.GetByRole(AriaRole.Button, new() { NameRegex = new("确") }).ClickAsync();

        // The plan opens on its own page: draft the text from the archive under the five headings.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/deputies/report-backs/[0-9a-f-]{36}$"), new() { Timeout = 15_000 });
        await page.GetByTestId("report-back-draft").ClickAsync();
        var text = page.GetByRole(AriaRole.Textbox, new() { Name = "述职报告" });
        await Assertions.Expect(text).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("五、为民办实事情况[\\s\\S]*为东柳小区加装电梯协调"), new() { Timeout = 15_000 });
        await Assertions.Expect(text).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"我是{name}"));
        await text.FillAsync((await text.InputValueAsync()) + "\n今后我将继续加强学习,密切联系选民。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存文本" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "保存文本" })).ToBeDisabledAsync(new() { Timeout = 10_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "定 稿" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "定稿" })).ClickAsync();
        await page.Locator(".ant-popconfirm").GetByRole(AriaRole.Button, new() { NameRegex = new("确") }).ClickAsync();
        await Assertions.Expect(page.GetByText("今后我将继续加强学习,密切联系选民。")).ToBeVisibleAsync(new() { Timeout = 10_000 });

        // The paper tally: 20 satisfied, 4 basically satisfied, 1 dissatisfied of 25 ballots — 96 % at least basically satisfied.
        await page.GetByLabel("满意", new() { Exact = true }).FillAsync("20");
        await page.GetByLabel("基本满意").FillAsync("4");
        await page.GetByLabel("不满意").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存票数" }).ClickAsync();
        var result = page.GetByTestId("report-back-result");
        await Assertions.Expect(result).ToContainTextAsync("25", new() { Timeout = 10_000 });
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();
        await EndToEnd.ScreenshotAsync(page, "report-back-tally");

        await page.GetByTestId("report-back-record").ClickAsync();
        await page.Locator(".ant-popconfirm").GetByRole(AriaRole.Button, new() { NameRegex = new("确") }).ClickAsync();
        await Assertions.Expect(page.GetByText("测评结果已记入履职档案")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator(".ant-tag", new() { HasText = "通过" })).ToBeVisibleAsync();

        // The result is in the deputy's archive, once.
        using (var http = StaffClient())
        {
            var records = await http.GetFromJsonAsync<JsonElement>($"/api/deputies/deputies/{deputy}/duty-records?pageSize=50");
            records.GetProperty("items").EnumerateArray().Count(r => r.GetProperty("kind").GetString() == "ReportBackGiven").Should().Be(1);
        }
        errors.Should().BeEmpty();
    }
}
