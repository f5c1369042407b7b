using CongressPlatform.EndToEndTests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;

namespace CongressPlatform.EndToEndTests;

/// <summary>Exports in Debian chromium: the users list exported as Excel, found in 我的导出, downloaded and opened.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ExportTests(EndToEnd e2e)
{
    [Fact]
    public async Task The_users_list_is_exported_as_Excel_and_downloaded_again_from_my_exports()
    {
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/system/users");
        await EndToEnd.SignInAsync(page, "dongliu.admin");
        var table = page.GetByTestId("users-table");
        await Assertions.Expect(table).ToContainTextAsync("孙站长", new() { Timeout = 30_000 });

        // A short list is written within the request and saved at once.
        await page.GetByTestId("export-button").ClickAsync();
        var first = await page.RunAndWaitForDownloadAsync(() => page.GetByText("导出为 Excel(.xlsx)").ClickAsync());
        first.SuggestedFilename.Should().StartWith("用户-").And.EndWith(".xlsx");

        // From the side menu: a click in the user menu's dropdown was lost once while the export's own dropdown closed.
        await page.GetByTestId("side-menu").GetByRole(AriaRole.Link, new() { Name = "我的导出" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/system/exports$"));
        var exports = page.GetByTestId("exports-table");
        var row = exports.Locator("tr", new() { HasText = first.SuggestedFilename });
        await Assertions.Expect(row).ToContainTextAsync("已完成", new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("Excel");
        await Assertions.Expect(page.Locator(".ant-spin-spinning")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await EndToEnd.ScreenshotAsync(page, "exports");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();

        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Button, new() { NameRegex = new("^下载") }).ClickAsync());
        download.SuggestedFilename.Should().Be(first.SuggestedFilename);
        var path = Path.Combine(Paths.Results, "exported-users.xlsx");
        await download.SaveAsAsync(path);

        using (var document = SpreadsheetDocument.Open(path, false))
        {
            new OpenXmlValidator().Validate(document).Should().BeEmpty();
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToList())
                .ToList();
            rows[0].Should().StartWith(["用户名", "姓名", "手机号"]);
            rows.Skip(1).Should().Contain(r => r[1] == "孙站长");
            // Mobile numbers as the list shows them: masked.
            rows.Skip(1).Select(r => r[2]).Where(p => p.Length > 0).Should().OnlyContain(p => p.Contains("****"));
        }
        errors.Should().BeEmpty();
    }
}
