using System.Text;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.SharedKernel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Deputies.Features.GetImportTemplate;

public enum ImportTemplateFormat
{
    Xlsx = 0,
    Csv = 1,
}

/// <summary>
/// The import template: the Chinese header row (required columns marked <c>*</c>); the .xlsx has a second sheet
/// 填写说明 explaining each column; the CSV is UTF-8 with a byte-order mark so that Excel shows the Chinese.
/// </summary>
[RequiresPermission(DeputiesPermissions.DeputiesImport)]
public sealed record GetImportTemplateQuery(ImportTemplateFormat Format) : IQuery<ImportTemplateDto>;

public sealed record ImportTemplateDto(string FileName, string ContentType, byte[] Content);

internal sealed class GetImportTemplateQueryValidator : AbstractValidator<GetImportTemplateQuery>
{
    public GetImportTemplateQueryValidator() => RuleFor(q => q.Format).IsInEnum();
}

internal sealed class GetImportTemplateQueryHandler : IRequestHandler<GetImportTemplateQuery, ImportTemplateDto>
{
    private static string[] Headers => ImportColumns.All.Select(c => c.Required ? c.Header + "*" : c.Header).ToArray();

    public Task<ImportTemplateDto> Handle(GetImportTemplateQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(request.Format == ImportTemplateFormat.Csv
            ? new ImportTemplateDto("代表名册导入模板.csv", "text/csv; charset=utf-8", Csv())
            : new ImportTemplateDto("代表名册导入模板.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Xlsx()));

    private static byte[] Csv()
    {
        var line = string.Join(',', Headers) + "\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(line)];
    }

    private static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            AddSheet(workbook, sheets, 1, "代表名册", [Headers]);
            AddSheet(workbook, sheets, 2, "填写说明",
                [["列名", "是否必填", "填写说明"], .. ImportColumns.All.Select(c => new[] { c.Header, c.Required ? "必填" : "选填", c.Note })]);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IReadOnlyList<string[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                row.Append(new Cell
                {
                    CellReference = $"{(char)('A' + c)}{r + 1}",
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(rows[r][c])),
                });
            }
            data.Append(row);
        }
        var columns = new Columns(new Column { Min = 1, Max = (uint)rows.Max(r => r.Length), Width = 18, CustomWidth = true });
        part.Worksheet = new Worksheet(columns, data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }
}
