using System.IO.Compression;
using System.Text;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.BuildingBlocks.Attachments;

/// <summary>What the first bytes of a file say it is.</summary>
public enum ContentKind
{
    Unknown = 0,
    Jpeg,
    Png,
    Gif,
    WebP,
    Pdf,
    Zip,
    Ole,
    Text,
    Executable,
}

/// <summary>An accepted file type: the extensions that may name it, the content it must have, the type it is served as.</summary>
public sealed record AcceptedType(string ContentType, ContentKind Kind, string ZhName, string? OoxmlMainPart = null);

/// <summary>
/// Decides a file's type from its content (magic bytes), never from the name or the client's Content-Type, and refuses
/// executables and any file whose content is not what its extension says (an .exe renamed .jpg). Office Open XML files
/// are zip archives whose <c>[Content_Types].xml</c> must declare the main part of the right application (a .docx
/// must be a Word document, not a macro-enabled one, not a spreadsheet); legacy .doc/.xls are OLE compound files
/// (the container is checked, not which application wrote it). Plain text must be valid UTF-8 without NUL bytes.
/// </summary>
public static class ContentTypes
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeadLength = 16;

    public static IReadOnlyDictionary<string, AcceptedType> ByExtension { get; } = new Dictionary<string, AcceptedType>(StringComparer.Ordinal)
    {
        [".jpg"] = new("image/jpeg", ContentKind.Jpeg, "JPEG 图片"),
        [".jpeg"] = new("image/jpeg", ContentKind.Jpeg, "JPEG 图片"),
        [".png"] = new("image/png", ContentKind.Png, "PNG 图片"),
        [".gif"] = new("image/gif", ContentKind.Gif, "GIF 图片"),
        [".webp"] = new("image/webp", ContentKind.WebP, "WebP 图片"),
        [".pdf"] = new("application/pdf", ContentKind.Pdf, "PDF 文档"),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ContentKind.Zip, "Word 文档",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ContentKind.Zip, "Excel 表格",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        [".pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ContentKind.Zip, "PowerPoint 演示文稿",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
        [".doc"] = new("application/msword", ContentKind.Ole, "Word 97-2003 文档"),
        [".xls"] = new("application/vnd.ms-excel", ContentKind.Ole, "Excel 97-2003 表格"),
        [".txt"] = new("text/plain; charset=utf-8", ContentKind.Text, "文本文件"),
    };

    /// <summary>The accepted extensions, for messages and the client's picker.</summary>
    public static string AcceptedList => string.Join(" ", ByExtension.Keys);

    /// <summary>What the leading bytes are. Anything not recognised by its magic is <see cref="ContentKind.Text"/> only if it could be text.</summary>
    public static ContentKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("MZ"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']) || head.StartsWith("#!"u8)
            || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF])
            || head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE])
            || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]) || head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF, (byte)'#', (byte)'!']))
        {
            return ContentKind.Executable;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ContentKind.Jpeg;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ContentKind.Png;
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return ContentKind.Gif;
        }
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return ContentKind.WebP;
        }
        if (head.StartsWith("%PDF-"u8))
        {
            return ContentKind.Pdf;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)'P', (byte)'K', 0x03, 0x04]))
        {
            return ContentKind.Zip;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return ContentKind.Ole;
        }
        // Text has no magic: the whole content is checked as UTF-8 while it is read (Utf8Check).
        return head.Length == 0 || head.IndexOf((byte)0) >= 0 ? ContentKind.Unknown : ContentKind.Text;
    }

    /// <summary>
    /// The type a file is stored and served as, or an <see cref="UnsupportedContentException"/> saying why not.
    /// <paramref name="openContent"/> re-reads the whole stored content (only zip archives need it).
    /// </summary>
    public static AcceptedType Decide(string fileName, ContentKind sniffed, bool validUtf8, Func<Stream> openContent)
    {
        if (sniffed == ContentKind.Executable)
        {
            throw Refused("attachment.executable",
                $"“{fileName}”是可执行文件或脚本,不允许上传。", $"'{fileName}' is an executable or a script; it may not be uploaded.");
        }
        var extension = FileNames.ExtensionOf(fileName);
        if (!ByExtension.TryGetValue(extension, out var accepted))
        {
            throw Refused("attachment.type_not_allowed",
                $"不支持“{(extension.Length == 0 ? "无扩展名" : extension)}”类型的文件。允许的类型:{AcceptedList}。",
                $"Files of type '{(extension.Length == 0 ? "(none)" : extension)}' are not accepted. Accepted: {AcceptedList}.");
        }
        var matches = accepted.Kind == sniffed && (sniffed != ContentKind.Text || validUtf8)
            && (accepted.OoxmlMainPart is null || DeclaresMainPart(openContent, accepted.OoxmlMainPart));
        if (!matches)
        {
            throw Refused("attachment.content_mismatch",
                $"“{fileName}”的内容与扩展名不符(不是{accepted.ZhName}),已拒绝。",
                $"The content of '{fileName}' does not match its extension (it is not a {extension} file); refused.");
        }
        return accepted;
    }

    /// <summary>Whether the zip archive is an Office Open XML package whose <c>[Content_Types].xml</c> declares <paramref name="mainPart"/>.</summary>
    internal static bool DeclaresMainPart(Func<Stream> openContent, string mainPart)
    {
        try
        {
            using var stream = openContent();
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var entry = zip.GetEntry("[Content_Types].xml");
            if (entry is null || entry.Length > 1024 * 1024)
            {
                return false;
            }
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            var xml = reader.ReadToEnd();
            return xml.Contains($"ContentType=\"{mainPart}\"", StringComparison.OrdinalIgnoreCase);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static UnsupportedContentException Refused(string code, string zh, string en) => new(code, Text.Of(zh, en));
}

/// <summary>Checks, chunk by chunk, that a stream is valid UTF-8 without NUL bytes (a sequence may span two chunks).</summary>
public sealed class Utf8Check
{
    private readonly Decoder _decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
    private readonly char[] _chars = new char[8192];

    public bool Valid { get; private set; } = true;

    public void Append(ReadOnlySpan<byte> bytes, bool final = false)
    {
        if (!Valid)
        {
            return;
        }
        if (bytes.IndexOf((byte)0) >= 0)
        {
            Valid = false;
            return;
        }
        try
        {
            while (true)
            {
                _decoder.Convert(bytes, _chars, final, out var used, out _, out var completed);
                bytes = bytes[used..];
                if (completed || bytes.IsEmpty)
                {
                    break;
                }
            }
        }
        catch (DecoderFallbackException)
        {
            Valid = false;
        }
    }
}
