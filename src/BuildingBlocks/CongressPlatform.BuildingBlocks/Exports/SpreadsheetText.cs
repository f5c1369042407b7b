using System.Globalization;
using System.Text;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.BuildingBlocks.Exports;

/// <summary>Cell text that spreadsheet programs read safely, and the platform's date formats for them.</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// A text that Excel or WPS would read as a formula (it starts with = + - @, a tab or a carriage return) gets a
    /// leading apostrophe: a name typed into a form must not become a formula in someone's spreadsheet (CSV injection).
    /// </summary>
    public static string GuardFormula(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;

    /// <summary>
    /// Drops characters XML 1.0 cannot carry (control characters, lone surrogates), makes line breaks Excel's in-cell
    /// break (LF; XML would turn a CR into LF anyway) and cuts at Excel's cell limit.
    /// </summary>
    public static string ForCell(string text)
    {
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }
        if (text.Length > ExportLimits.MaxCellText)
        {
            text = text[..ExportLimits.MaxCellText];
            if (char.IsHighSurrogate(text[^1]))
            {
                text = text[..^1];
            }
        }
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            clean = IsXmlChar(text, i, out var width);
            i += width - 1;
        }
        if (clean)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsXmlChar(text, i, out var width))
            {
                sb.Append(text, i, width);
            }
            i += width - 1;
        }
        return sb.ToString();
    }

    /// <summary>A UTC time in Beijing time.</summary>
    public static DateTime BeijingTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime.Zone);

    /// <summary><c>2026-12-01 09:30:00</c>, Beijing time.</summary>
    public static string FormatBeijingTime(DateTime utc) =>
        BeijingTime(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static bool IsXmlChar(string text, int i, out int width)
    {
        width = 1;
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                width = 2;
                return true;
            }
            return false;
        }
        return c switch
        {
            '\t' or '\n' or '\r' => true,
            < ' ' => false,
            >= '\uDC00' and <= '\uDFFF' => false,
            '\uFFFE' or '\uFFFF' => false,
            _ => true,
        };
    }
}
