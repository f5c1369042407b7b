using System.Text;
using CongressPlatform.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace CongressPlatform.EndToEndTests;

/// <summary>
/// The shared services' screens in Debian chromium: files attached to a handling unit (uploaded, listed, downloaded, a
/// disguised program refused), and the working-day calendar edited by the system administrator and asked across the
/// National Day make-up workday.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SharedServicesTests(EndToEnd e2e)
{
    // A minimal PDF: the content is checked, not the name.
    private static readonly byte[] Letter = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [Fact]
    public async Task Office_staff_attach_a_letter_to_a_handling_unit_download_it_and_a_disguised_program_is_refused()
    {
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/system/handling-units");
        await EndToEnd.SignInAsync(page, "dongliu.staff");
        var table = page.GetByTestId("units-table");
        var row = table.Locator("tr", new() { HasText = "东柳街道办事处" }).First;
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await row.GetByTestId("unit-edit").ClickAsync();
        var attachments = page.GetByTestId("attachments");
        await Assertions.Expect(attachments).ToContainTextAsync("附件", new() { Timeout = 15_000 });

        var name = $"联系函{DateTime.UtcNow:HHmmssfff}.pdf";
        var chooser = await page.RunAndWaitForFileChooserAsync(() => attachments.GetByTestId("attachments-upload").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = Letter });
        var item = attachments.Locator(".ant-list-item", new() { HasText = name });
        await Assertions.Expect(item).ToContainTextAsync("赵干事", new() { Timeout = 15_000 });
        await EndToEnd.ScreenshotAsync(page, "attachments");

        var download = await page.RunAndWaitForDownloadAsync(() => item.GetByRole(AriaRole.Button, new() { NameRegex = new("^下载") }).ClickAsync());
        download.SuggestedFilename.Should().Be(name);
        var saved = Path.Combine(Paths.Results, "attached-letter.pdf");
        await download.SaveAsAsync(saved);
        (await File.ReadAllBytesAsync(saved)).Should().Equal(Letter);

        // A Windows program renamed to .pdf: refused by its content, in Chinese, and not listed.
        var disguised = await page.RunAndWaitForFileChooserAsync(() => attachments.GetByTestId("attachments-upload").ClickAsync());
        await disguised.SetFilesAsync(new FilePayload { Name = "会议纪要.pdf", MimeType = "application/pdf", Buffer = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0] });
        await Assertions.Expect(page.GetByText("“会议纪要.pdf”是可执行文件或脚本,不允许上传。")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(attachments.Locator(".ant-list-item", new() { HasText = "会议纪要.pdf" })).ToHaveCountAsync(0);

        // Saved means saved: opened again, the letter is still there.
        await page.ReloadAsync();
        await page.GetByTestId("units-table").Locator("tr", new() { HasText = "东柳街道办事处" }).First.GetByTestId("unit-edit").ClickAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("attachments").Locator(".ant-list-item", new() { HasText = name })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        // The refused upload's 4xx is the only error the browser logged.
        errors.Should().OnlyContain(e => e.Contains("status of 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_system_administrator_adds_a_holiday_and_the_calendar_counts_working_days_around_it()
    {
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/system/calendar");
        await EndToEnd.SignInAsync(page, "sysadmin");
        var calendar = page.GetByTestId("calendar-page");
        await Assertions.Expect(calendar.GetByTestId("calendar-year")).ToContainTextAsync("2026", new() { Timeout = 30_000 });

        // National Day 2026: 1–7 October off, Saturday 10 October a make-up workday.
        var calculator = page.GetByTestId("calculator");
        await calculator.GetByTestId("calc-from").FillAsync("2026-09-30");
        await calculator.GetByTestId("calc-days").FillAsync("3");
        await calculator.GetByTestId("calc-submit").ClickAsync();
        var result = calculator.GetByTestId("calc-result");
        await Assertions.Expect(result).ToContainTextAsync("2026-09-30 起 3 个工作日后是 2026-10-10(周六)", new() { Timeout = 15_000 });
        await Assertions.Expect(result).ToContainTextAsync("国庆节调休上班");

        // A local holiday added by the administrator moves the answer at once.
        await page.GetByTestId("add-day").ClickAsync();
        var form = page.GetByTestId("day-form");
        await form.GetByTestId("day-date").FillAsync("2026-12-28");
        await form.GetByTestId("day-name").FillAsync("区人大换届选举日");
        await form.GetByTestId("day-save").ClickAsync();
        await Assertions.Expect(form).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("day-2026-12-28")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("区人大换届选举日"));

        await calculator.GetByTestId("calc-from").FillAsync("2026-12-25");
        await calculator.GetByTestId("calc-days").FillAsync("1");
        await calculator.GetByTestId("calc-submit").ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("2026-12-25 起 1 个工作日后是 2026-12-29(周二)", new() { Timeout = 15_000 });
        await EndToEnd.ScreenshotAsync(page, "calendar-edited");

        // Removed again, Monday 28 December is an ordinary working day (other tests share this host's calendar).
        // The year's list is paged by date: 28 December is on its last page.
        await page.Locator(".ant-pagination .ant-pagination-item").Last.ClickAsync();
        await page.GetByTestId("delete-2026-12-28").ClickAsync();
        // antd spaces a two-character button label out: "删 除".
        await page.Locator(".ant-popconfirm:visible").GetByRole(AriaRole.Button, new() { NameRegex = new("^删\\s?除$") }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("delete-2026-12-28")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await calculator.GetByTestId("calc-submit").ClickAsync();
        await Assertions.Expect(result).ToContainTextAsync("1 个工作日后是 2026-12-28(周一)", new() { Timeout = 15_000 });
        errors.Should().BeEmpty();
    }
}
