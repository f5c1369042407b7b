using System.Text;

namespace CongressPlatform.BuildingBlocks.Exports;

/// <summary>CSV for Excel: RFC 4180 lines, safe against formula injection.</summary>
public static class CsvLines
{
    /// <summary>
    /// One RFC 4180 line (CRLF). A field is quoted when it holds a comma, quote or line break; a field that Excel would
    /// read as a formula (it starts with = + - @ or a tab) gets a leading apostrophe: text typed by a user must not
    /// become a formula in the reader's spreadsheet.
    /// </summary>
    public static void AppendLine(StringBuilder csv, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }
            var field = fields[i] ?? string.Empty;
            if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                field = "'" + field;
            }
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }
        csv.Append("\r\n");
    }

    /// <summary>The text as a UTF-8 file with a byte-order mark (Excel needs it to read Chinese).</summary>
    public static byte[] Utf8WithBom(StringBuilder csv) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
}
