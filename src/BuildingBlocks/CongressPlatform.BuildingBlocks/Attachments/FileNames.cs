using System.Text;

namespace CongressPlatform.BuildingBlocks.Attachments;

/// <summary>
/// Makes a client's file name safe to keep and to send back in a Content-Disposition header: the last path segment
/// only, no control or invisible format characters (a right-to-left override turns "gpj.exe" into "exe.jpg" on screen),
/// none of <c>&lt;&gt;:"/\|?*</c>, no leading dots (hidden files) or trailing dots and spaces, no Windows device name,
/// at most 200 characters with the extension kept. Chinese and every other letter are kept. The name is only ever shown
/// and offered for download: the stored file's path never comes from it.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 200;

    /// <summary>What an empty or wholly unsafe name becomes.</summary>
    public const string Fallback = "未命名";

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    public static string Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback;
        }
        var normalized = name.Normalize(NormalizationForm.FormC);
        // Strip any path, in either separator: only the last segment is a name.
        var slash = normalized.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            normalized = normalized[(slash + 1)..];
        }
        var sb = new StringBuilder(normalized.Length);
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse
                or System.Globalization.UnicodeCategory.OtherNotAssigned
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }
            if (rune.Value is '<' or '>' or ':' or '"' or '|' or '?' or '*')
            {
                sb.Append('_');
                continue;
            }
            // Any other space (full-width, no-break) becomes a plain space.
            sb.Append(Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        }
        var cleaned = sb.ToString().Trim().TrimStart('.').TrimEnd('.', ' ').Trim();
        if (cleaned.Length == 0)
        {
            return Fallback;
        }
        var dot = cleaned.IndexOf('.');
        var stem = dot < 0 ? cleaned : cleaned[..dot];
        if (Reserved.Contains(stem.TrimEnd()))
        {
            cleaned = "_" + cleaned;
        }
        return Truncate(cleaned);
    }

    /// <summary>The extension, lower-case with its dot (<c>.jpg</c>), or empty.</summary>
    public static string ExtensionOf(string sanitizedName)
    {
        var dot = sanitizedName.LastIndexOf('.');
        return dot <= 0 || dot == sanitizedName.Length - 1 ? string.Empty : sanitizedName[dot..].ToLowerInvariant();
    }

    private static string Truncate(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }
        var extension = ExtensionOf(name);
        if (extension.Length > 20)
        {
            extension = string.Empty;
        }
        var keep = MaxLength - extension.Length;
        // Never cut a surrogate pair in half.
        if (char.IsHighSurrogate(name[keep - 1]))
        {
            keep--;
        }
        return name[..keep] + (extension.Length > 0 ? name[^extension.Length..] : string.Empty);
    }
}
