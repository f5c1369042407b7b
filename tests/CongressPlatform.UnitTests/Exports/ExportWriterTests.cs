using System.Runtime.CompilerServices;
using System.Text;
using CongressPlatform.BuildingBlocks.Exports;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace CongressPlatform.UnitTests.Exports;

public sealed class ExportWriterTests
{
    private static readonly ExportColumn[] Columns =
    [
        new("姓名", Width: 12),
        new("积分", ExportCellType.Number, 8),
        new("登记时间", ExportCellType.DateTime, 20),
        new("任期届满", ExportCellType.Date, 12),
        new("备注", Width: 30),
    ];

    // 2026-12-01 01:30 UTC is 09:30 in Beijing.
    private static readonly DateTime Registered = new(2026, 12, 1, 1, 30, 0, DateTimeKind.Utc);

    private static readonly object?[][] Sample =
    [
        ["张三", 12.5m, Registered, new DateOnly(2027, 1, 31), "=HYPERLINK(\"http://x\")"],
        ["李四", -3, null, null, "含,逗号和\"引号\"\r\n换行"],
        ["王\u0001五", 0, Registered, new DateOnly(2027, 1, 31), "-负号开头"],
    ];

    private static async IAsyncEnumerable<object?[]> Rows(IEnumerable<object?[]> rows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return row;
        }
    }

    private static IEnumerable<object?[]> Many(int count) =>
        Enumerable.Range(1, count).Select(i => new object?[] { $"代表{i}", i, Registered.AddMinutes(i), new DateOnly(2027, 1, 1), $"第{i}行" });

    [Fact]
    public async Task Xlsx_is_a_valid_workbook_with_a_bold_frozen_header_widths_numbers_and_Beijing_dates()
    {
        using var file = new MemoryStream();
        var rows = await new XlsxExportWriter().WriteAsync(file, Columns, Rows(Sample), null, CancellationToken.None);
        rows.Should().Be(3);

        file.Position = 0;
        using var document = SpreadsheetDocument.Open(file, false);
        new OpenXmlValidator().Validate(document).Select(e => e.Description).Should().BeEmpty();
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var pane = sheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        pane.State!.Value.Should().Be(PaneStateValues.Frozen);
        pane.VerticalSplit!.Value.Should().Be(1);
        sheet.GetFirstChild<Columns>()!.Elements<Column>().Select(c => c.Width!.Value).Should().Equal(12, 8, 20, 12, 30);
        sheet.GetFirstChild<AutoFilter>()!.Reference!.Value.Should().Be("E4".Insert(0, "A1:"));

        var data = sheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
        data.Should().HaveCount(4);
        data[0].Select(c => c.InlineString!.InnerText).Should().Equal("姓名", "积分", "登记时间", "任期届满", "备注");
        var styles = document.WorkbookPart.WorkbookStylesPart!.Stylesheet;
        var header = (CellFormat)styles.CellFormats!.ElementAt((int)data[0][0].StyleIndex!.Value);
        styles.Fonts!.Elements<Font>().ElementAt((int)header.FontId!.Value).Bold.Should().NotBeNull();

        var first = data[1];
        first[0].InlineString!.InnerText.Should().Be("张三");
        first[1].DataType.Should().BeNull("a number is a number cell");
        first[1].CellValue!.Text.Should().Be("12.5");
        double.Parse(first[2].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeApproximately(new DateTime(2026, 12, 1, 9, 30, 0).ToOADate(), 1e-9);
        NumberFormatOf(styles, first[2]).Should().Be("yyyy-mm-dd hh:mm:ss");
        first[3].CellValue!.Text.Should().Be(new DateTime(2027, 1, 31).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture));
        NumberFormatOf(styles, first[3]).Should().Be("yyyy-mm-dd");
        first[4].CellFormula.Should().BeNull();
        first[4].InlineString!.InnerText.Should().Be("=HYPERLINK(\"http://x\")", "an inline string is never evaluated");

        data[2][1].CellValue!.Text.Should().Be("-3");
        data[2][2].CellValue.Should().BeNull();
        data[2][4].InlineString!.InnerText.Should().Be("含,逗号和\"引号\"\n换行", "Excel breaks lines in a cell with LF");
        data[3][0].InlineString!.InnerText.Should().Be("王五", "a control character cannot be written to XML");
    }

    private static string NumberFormatOf(Stylesheet styles, Cell cell)
    {
        var format = (CellFormat)styles.CellFormats!.ElementAt((int)cell.StyleIndex!.Value);
        return styles.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value).FormatCode!.Value!;
    }

    [Fact]
    public async Task Xlsx_of_many_rows_reports_progress_and_reads_back_row_for_row()
    {
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        try
        {
            var reported = new List<int>();
            await using (var file = File.Create(path))
            {
                var rows = await new XlsxExportWriter().WriteAsync(file, Columns, Rows(Many(12_000)),
                    n => { reported.Add(n); return Task.CompletedTask; }, CancellationToken.None);
                rows.Should().Be(12_000);
            }
            reported.Should().Equal(5000, 10_000);

            using var document = SpreadsheetDocument.Open(path, false);
            new OpenXmlValidator().Validate(document).Should().BeEmpty();
            var rowsRead = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            rowsRead.Should().HaveCount(12_001);
            rowsRead[^1].Elements<Cell>().First().InnerText.Should().Be("代表12000");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Csv_starts_with_the_bom_uses_crlf_guards_text_formulas_and_parses_back()
    {
        using var file = new MemoryStream();
        var rows = await new CsvExportWriter().WriteAsync(file, Columns, Rows(Sample), null, CancellationToken.None);
        rows.Should().Be(3);

        var bytes = file.ToArray();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        text.Should().StartWith("姓名,积分,登记时间,任期届满,备注\r\n");
        text.Should().Contain("张三,12.5,2026-12-01 09:30:00,2027-01-31,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n");
        text.Should().EndWith("\r\n");

        using var reader = CsvReader.Create(new MemoryStream(bytes), CsvReaderOptions.Default with { Separator = ',' });
        var parsed = new List<string[]>();
        while (reader.Read())
        {
            parsed.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        reader.Headers.Should().Equal("姓名", "积分", "登记时间", "任期届满", "备注");
        parsed.Should().HaveCount(3);
        parsed[1].Should().Equal("李四", "-3", "", "", "含,逗号和\"引号\"\r\n换行");
        parsed[2][4].Should().Be("'-负号开头", "a text starting with - is guarded; the number -3 is not");
    }

    [Fact]
    public async Task More_rows_than_a_sheet_holds_are_refused()
    {
        var write = () => new CsvExportWriter().WriteAsync(Stream.Null, [new ExportColumn("序号", ExportCellType.Number)],
            Rows(Enumerable.Range(0, ExportLimits.MaxRows + 1).Select(i => new object?[] { i })), null, CancellationToken.None);
        (await write.Should().ThrowAsync<CongressPlatform.SharedKernel.BusinessRuleException>())
            .Which.Code.Should().Be("export.too_many_rows");
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(703, "AAA")]
    public void Column_names_follow_Excel(int index, string name) => XlsxExportWriter.ColumnName(index).Should().Be(name);

    [Fact]
    public void Cell_text_drops_what_XML_cannot_carry_and_keeps_Chinese_and_emoji()
    {
        SpreadsheetText.ForCell("代表\u0000\u0008名单\uFFFE😀").Should().Be("代表名单😀");
        SpreadsheetText.ForCell("a\uD800b").Should().Be("ab");
        SpreadsheetText.ForCell("一\r\n二\r三").Should().Be("一\n二\n三");
        SpreadsheetText.ForCell(new string('字', ExportLimits.MaxCellText + 10)).Should().HaveLength(ExportLimits.MaxCellText);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("张=三", "张=三")]
    [InlineData("", "")]
    public void Text_that_Excel_would_evaluate_is_guarded(string text, string guarded) =>
        SpreadsheetText.GuardFormula(text).Should().Be(guarded);
}
