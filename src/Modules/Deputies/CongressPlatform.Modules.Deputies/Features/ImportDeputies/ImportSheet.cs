using System.Text;
using CongressPlatform.SharedKernel;
using Text = CongressPlatform.SharedKernel.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CongressPlatform.Modules.Deputies.Features.ImportDeputies;

/// <summary>One data row of an import file: its row number as the spreadsheet shows it (the header is row 1) and its cells by header.</summary>
internal sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string header] => Cells.TryGetValue(header, out var value) ? value : string.Empty;
}

/// <summary>The header row (marks of required columns, <c>*</c>, removed) and the data rows.</summary>
internal sealed record ImportFile(IReadOnlyList<string> Headers, IReadOnlyList<ImportRow> Rows);

/// <summary>
/// Reads the first sheet of an .xlsx (OpenXml) or a CSV (CsvHelper; UTF-8 with or without a byte-order mark) into rows by
/// header. Blank rows are skipped. A file that cannot be read is a 422 in Chinese, never a 500.
/// </summary>
internal static class ImportSheet
{
    public const int MaxRows = 5000;

    public static ImportFile Read(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var table = extension switch
        {
            ".xlsx" => ReadXlsx(content),
            ".csv" => ReadCsv(content),
            _ => throw Unreadable(Text.Of("只能导入 .xlsx 或 .csv 文件。", "Only .xlsx or .csv files can be imported.")),
        };
        if (table.Count == 0)
        {
            throw Unreadable(Text.Of("文件中没有表头行。", "The file has no header row."));
        }
        var headers = table[0].Select(h => h.Trim().TrimEnd('*').Trim()).ToList();
        var rows = new List<ImportRow>();
        for (var i = 1; i < table.Count; i++)
        {
            var cells = table[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var byHeader = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < headers.Count; c++)
            {
                if (headers[c].Length > 0 && !byHeader.ContainsKey(headers[c]))
                {
                    byHeader[headers[c]] = c < cells.Count ? cells[c].Trim() : string.Empty;
                }
            }
            rows.Add(new ImportRow(i + 1, byHeader));
            if (rows.Count > MaxRows)
            {
                throw Unreadable(Text.Of($"一次最多导入 {MaxRows} 行,请分批导入。", $"At most {MaxRows} rows can be imported at once."));
            }
        }
        return new ImportFile(headers, rows);
    }

    private static List<List<string>> ReadCsv(byte[] content)
    {
        string text;
        try
        {
            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            var offset = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
            text = strict.GetString(content, offset, content.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            throw Unreadable(Text.Of("CSV 文件须为 UTF-8 编码(在 Excel 中另存为“CSV UTF-8”)。", "The CSV file must be UTF-8 encoded."));
        }
        var table = new List<List<string>>();
        try
        {
            using var csv = CsvReader.Create(new StringReader(text), CsvReaderOptions.Default with { HasHeader = false }, false);
            while (csv.Read())
            {
                var record = new List<string>(csv.FieldCount);
                for (var i = 0; i < csv.FieldCount; i++)
                {
                    record.Add(csv.GetString(i));
                }
                table.Add(record);
                if (table.Count > MaxRows + 1)
                {
                    break;
                }
            }
        }
        catch (CsvFormatException)
        {
            throw Unreadable(Text.Of("CSV 文件格式有误(引号不匹配等),请使用下载的模板。", "The CSV file is malformed (unbalanced quotes); use the template."));
        }
        return table;
    }

    private static List<List<string>> ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw Unreadable(NotAWorkbook());
            var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw Unreadable(NotAWorkbook());
            var sheet = (WorksheetPart)workbook.GetPartById(first.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var table = new List<List<string>>();
            foreach (var row in sheet.Worksheet.Descendants<Row>())
            {
                var number = (int)(row.RowIndex?.Value ?? (uint)(table.Count + 1));
                while (table.Count < number - 1)
                {
                    table.Add([]);
                }
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add(string.Empty);
                    }
                    cells.Add(ValueOf(cell, shared));
                }
                table.Add(cells);
                if (table.Count > MaxRows + 1)
                {
                    break;
                }
            }
            return table;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or InvalidOperationException or ArgumentException or FormatException or System.Xml.XmlException)
        {
            throw Unreadable(NotAWorkbook());
        }
    }

    private static string NotAWorkbook() => Text.Of("无法读取该 Excel 文件,请使用下载的模板另存为 .xlsx 后再导入。", "The Excel file cannot be read; save the template as .xlsx and try again.");

    private static string ValueOf(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }
        var raw = cell.CellValue?.Text ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var index) && index >= 0 && index < shared.Count)
        {
            return shared[index];
        }
        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return raw == "1" ? "是" : "否";
        }
        return raw;
    }

    /// <summary>"C12" → 2 (zero-based column).</summary>
    internal static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = index * 26 + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }
        return letters == 0 ? null : index - 1;
    }

    private static BusinessRuleException Unreadable(string message) => new("deputies.import_unreadable", message);
}
