using System.Globalization;
using System.IO.Compression;
using System.Text;
using CongressPlatform.SharedKernel;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Text = CongressPlatform.SharedKernel.Text;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace CongressPlatform.BuildingBlocks.Exports;

/// <summary>Writes a list's rows to a file of one format, streaming: no row is kept after it is written.</summary>
public interface IExportWriter
{
    ExportFormat Format { get; }

    string Extension { get; }

    string ContentType { get; }

    /// <summary>
    /// Writes the header and every row; calls <paramref name="progress"/> every <see cref="ExportWriters.ProgressEvery"/>
    /// rows. Returns the number of rows written. More than <see cref="ExportLimits.MaxRows"/> rows is refused.
    /// </summary>
    Task<int> WriteAsync(Stream output, IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<object?[]> rows,
        Func<int, Task>? progress, CancellationToken cancellationToken);
}

public static class ExportWriters
{
    /// <summary>Progress is reported (and the job row updated) this often.</summary>
    public const int ProgressEvery = 5000;

    public static IExportWriter For(ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => new XlsxExportWriter(),
        ExportFormat.Csv => new CsvExportWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    internal static BusinessRuleException TooManyRows(int count) => new("export.too_many_rows", Text.Of(
        $"导出的数据有 {count:N0} 行,超过了 Excel 单个工作表的上限 {ExportLimits.MaxRows:N0} 行,请缩小筛选范围后分批导出。",
        $"The export has {count:N0} rows, more than the {ExportLimits.MaxRows:N0} an Excel sheet holds; narrow the filter and export in parts."));

    internal static async Task<int> EachRowAsync(IAsyncEnumerable<object?[]> rows, Func<int, Task>? progress,
        Action<object?[]> write, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (++count > ExportLimits.MaxRows)
            {
                throw TooManyRows(count);
            }
            write(row);
            if (progress is not null && count % ProgressEvery == 0)
            {
                await progress(count);
            }
        }
        return count;
    }
}

/// <summary>
/// CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as mojibake), CRLF lines, RFC 4180
/// quoting by CsvHelper, text guarded against formulas, times in Beijing time (<c>yyyy-MM-dd HH:mm:ss</c>).
/// </summary>
public sealed class CsvExportWriter : IExportWriter
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
        // Our own guard (SpreadsheetText.GuardFormula) applies to text columns only: a negative number stays a number.
        Injection = CsvInjection.None,
    };

    public ExportFormat Format => ExportFormat.Csv;

    public string Extension => ".csv";

    public string ContentType => "text/csv; charset=utf-8";

    public async Task<int> WriteAsync(Stream output, IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<object?[]> rows,
        Func<int, Task>? progress, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(SpreadsheetText.GuardFormula(column.Header));
        }
        csv.EndRecord();
        var count = await ExportWriters.EachRowAsync(rows, progress, row =>
        {
            for (var i = 0; i < columns.Count; i++)
            {
                csv.WriteField(Field(columns[i].Type, i < row.Length ? row[i] : null));
            }
            csv.EndRecord();
        }, cancellationToken);
        await csv.FlushAsync(cancellationToken);
        return count;
    }

    private static string Field(ExportCellType type, object? value) => (type, value) switch
    {
        (_, null) => string.Empty,
        (ExportCellType.DateTime, DateTime utc) => SpreadsheetText.FormatBeijingTime(utc),
        (ExportCellType.DateTime, DateTimeOffset at) => SpreadsheetText.FormatBeijingTime(at.UtcDateTime),
        (ExportCellType.Date or ExportCellType.DateTime, DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (ExportCellType.Date, DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        (ExportCellType.Number, IFormattable number) when XlsxExportWriter.IsNumber(value) => number.ToString(null, CultureInfo.InvariantCulture),
        _ => SpreadsheetText.GuardFormula(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };
}

/// <summary>
/// A real .xlsx workbook, streamed with the OpenXml SDK's <see cref="OpenXmlWriter"/> straight into the zip (every part is
/// compressed as it is written; no row or part is kept in memory): one sheet, a bold frozen header row with an auto filter, column
/// widths from <see cref="ExportColumn.Width"/>, inline strings, numbers as numbers and times as Excel dates in Beijing time.
/// </summary>
public sealed class XlsxExportWriter : IExportWriter
{
    private const uint HeaderStyle = 1;
    private const uint DateTimeStyle = 2;
    private const uint DateStyle = 3;
    private const uint TextStyle = 4;

    public ExportFormat Format => ExportFormat.Xlsx;

    public string Extension => ".xlsx";

    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<int> WriteAsync(Stream output, IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<object?[]> rows,
        Func<int, Task>? progress, CancellationToken cancellationToken)
    {
        // The package is written as a zip in create mode, part after part: the SDK's package layer (System.IO.Packaging)
        // only writes packages it can also read, which on .NET keeps every part in memory until the package is closed.
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WritePackageXml(zip, "[Content_Types].xml", ContentTypesXml);
        WritePackageXml(zip, "_rels/.rels", RootRelationshipsXml);
        WritePackageXml(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationshipsXml);

        int count;
        var e = new Elements();
        await using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open())
        using (var writer = OpenXmlWriter.Create(part, Encoding.UTF8))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { TabSelected = true, WorkbookViewId = 0 }));
            writer.WriteElement(new Columns(columns.Select((c, i) => new Column
            {
                Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Clamp(c.Width, 4, 100), CustomWidth = true,
            })));
            writer.WriteStartElement(new SheetData());
            writer.WriteStartElement(e.Row);
            foreach (var column in columns)
            {
                WriteText(writer, e, column.Header, HeaderStyle);
            }
            writer.WriteEndElement();
            count = await ExportWriters.EachRowAsync(rows, progress, row =>
            {
                writer.WriteStartElement(e.Row);
                for (var i = 0; i < columns.Count; i++)
                {
                    WriteCell(writer, e, columns[i].Type, i < row.Length ? row[i] : null);
                }
                writer.WriteEndElement();
            }, cancellationToken);
            writer.WriteEndElement(); // sheetData
            writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(columns.Count)}{count + 1}" });
            writer.WriteEndElement(); // worksheet
        }

        WritePart(zip, "xl/styles.xml", Styles());
        WritePart(zip, "xl/workbook.xml", new Workbook(
            new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = "rId1" }),
            new DefinedNames(new DefinedName($"'Sheet1'!$A$1:${ColumnName(columns.Count)}${count + 1}")
            {
                Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
            })));
        return count;
    }

    private const string ContentTypesXml =
        """<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""" +
        """<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />""" +
        """<Default Extension="xml" ContentType="application/xml" />""" +
        """<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" />""" +
        """<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" />""" +
        """<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" />""" +
        "</Types>";

    private const string RootRelationshipsXml =
        """<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
        """<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml" Id="rId1" />""" +
        "</Relationships>";

    private const string WorkbookRelationshipsXml =
        """<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
        """<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId1" />""" +
        """<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml" Id="rId2" />""" +
        "</Relationships>";

    private static void WritePackageXml(ZipArchive zip, string name, string xml)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(Encoding.UTF8.GetBytes(xml));
    }

    private static void WritePart(ZipArchive zip, string name, OpenXmlElement root)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        using var writer = OpenXmlWriter.Create(entry, Encoding.UTF8);
        writer.WriteStartDocument();
        writer.WriteElement(root);
    }

    internal static bool IsNumber(object value) =>
        value is int or long or short or byte or uint or ulong or ushort or sbyte or decimal
        || (value is double d && double.IsFinite(d)) || (value is float f && float.IsFinite(f));

    private static void WriteCell(OpenXmlWriter writer, Elements e, ExportCellType type, object? value)
    {
        switch (type, value)
        {
            case (_, null):
                writer.WriteStartElement(e.Cell);
                writer.WriteEndElement();
                break;
            case (ExportCellType.DateTime, DateTime utc):
                WriteNumber(writer, e, SpreadsheetText.BeijingTime(utc).ToOADate(), DateTimeStyle);
                break;
            case (ExportCellType.DateTime, DateTimeOffset at):
                WriteNumber(writer, e, SpreadsheetText.BeijingTime(at.UtcDateTime).ToOADate(), DateTimeStyle);
                break;
            case (ExportCellType.Date or ExportCellType.DateTime, DateOnly date):
                WriteNumber(writer, e, date.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle);
                break;
            case (ExportCellType.Date, DateTime date):
                WriteNumber(writer, e, date.Date.ToOADate(), DateStyle);
                break;
            case (ExportCellType.Number, IFormattable number) when IsNumber(value):
                WriteValue(writer, e, number.ToString(null, CultureInfo.InvariantCulture), []);
                break;
            default:
                WriteText(writer, e, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, TextStyle);
                break;
        }
    }

    /// <summary>
    /// One instance of each element per file, written again and again with its attributes given per cell: a new element
    /// tree per cell would be garbage the moment it is written (docs/performance.md, E).
    /// </summary>
    private sealed class Elements
    {
        public Row Row { get; } = new();
        public Cell Cell { get; } = new();
        public CellValue Value { get; } = new();
        public InlineString Inline { get; } = new();
        public CellText Text { get; } = new();
    }

    private static readonly OpenXmlAttribute[] PreserveSpace = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
    private static readonly OpenXmlAttribute[][] StyleAttributes =
        [.. Enumerable.Range(0, 5).Select(i => new OpenXmlAttribute[] { new("s", string.Empty, i.ToString(CultureInfo.InvariantCulture)) })];
    private static readonly OpenXmlAttribute[][] TextAttributes =
        [.. Enumerable.Range(0, 5).Select(i => new OpenXmlAttribute[] { new("s", string.Empty, i.ToString(CultureInfo.InvariantCulture)), new("t", string.Empty, "inlineStr") })];

    private static void WriteNumber(OpenXmlWriter writer, Elements e, double value, uint style) =>
        WriteValue(writer, e, value.ToString("R", CultureInfo.InvariantCulture), StyleAttributes[style]);

    private static void WriteValue(OpenXmlWriter writer, Elements e, string value, OpenXmlAttribute[] attributes)
    {
        writer.WriteStartElement(e.Cell, attributes);
        writer.WriteStartElement(e.Value);
        writer.WriteString(value);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteText(OpenXmlWriter writer, Elements e, string text, uint style)
    {
        writer.WriteStartElement(e.Cell, TextAttributes[style]);
        writer.WriteStartElement(e.Inline);
        writer.WriteStartElement(e.Text, PreserveSpace);
        writer.WriteString(SpreadsheetText.ForCell(text));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>1 → A, 27 → AA.</summary>
    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        while (index > 0)
        {
            var rem = (index - 1) % 26;
            name = (char)('A' + rem) + name;
            index = (index - 1) / 26;
        }
        return name;
    }

    /// <summary>0 default, 1 bold header, 2 date and time, 3 date, 4 text (the "@" format: Excel does not turn 0012 into 12).</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm:ss" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" })
        { Count = 2 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }, new FontCharSet { Val = 134 }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" }, new FontCharSet { Val = 134 }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "常规", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
