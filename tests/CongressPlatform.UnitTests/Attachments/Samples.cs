using System.IO.Compression;
using System.Text;

namespace CongressPlatform.UnitTests.Attachments;

/// <summary>Small files with real magic bytes, for the sniffing tests (unit and integration).</summary>
public static class Samples
{
    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0xFF, 0xD9];

    public static byte[] Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    public static byte[] Gif => [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] WebP => [.. "RIFF"u8, 26, 0, 0, 0, .. "WEBPVP8 "u8, 0, 0, 0, 0];

    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

    public static byte[] Ole => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0, 0x3E, 0];

    public static byte[] WindowsExe => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[64]];

    public static byte[] Elf => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] Script => Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n");

    public static byte[] Text => Encoding.UTF8.GetBytes("关于东柳街道承办单位的联系函\r\n请于十日内答复。\n");

    public const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    public const string WordMacroMain = "application/vnd.ms-word.document.macroEnabled.main+xml";

    /// <summary>A minimal Office Open XML package whose [Content_Types].xml declares <paramref name="mainPart"/>.</summary>
    public static byte[] Ooxml(string mainPart, string partName = "/word/document.xml")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml",
                $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="{partName}" ContentType="{mainPart}"/></Types>""");
            Write(zip, partName.TrimStart('/'), "<document/>");
        }
        return buffer.ToArray();
    }

    /// <summary>A zip archive that is not an Office document.</summary>
    public static byte[] PlainZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "readme.txt", "hello");
        }
        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
