using System.Text;
using CongressPlatform.BuildingBlocks.Attachments;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.UnitTests.Attachments;

public sealed class ContentTypesTests
{
    private static AcceptedType Decide(string name, byte[] content)
    {
        var utf8 = new Utf8Check();
        utf8.Append(content, final: true);
        return ContentTypes.Decide(name, ContentTypes.Sniff(content.AsSpan(0, Math.Min(content.Length, ContentTypes.HeadLength))),
            utf8.Valid, () => new MemoryStream(content));
    }

    private static string Refusal(string name, byte[] content)
    {
        var act = () => Decide(name, content);
        return act.Should().Throw<UnsupportedContentException>().Which.Code;
    }

    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "现场照片.jpg", Samples.Jpeg, "image/jpeg" },
        { "photo.JPEG", Samples.Jpeg, "image/jpeg" },
        { "截图.png", Samples.Png, "image/png" },
        { "动图.gif", Samples.Gif, "image/gif" },
        { "照片.webp", Samples.WebP, "image/webp" },
        { "答复函.pdf", Samples.Pdf, "application/pdf" },
        { "联系函.docx", Samples.Ooxml(Samples.WordMain), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "名单.xlsx", Samples.Ooxml(Samples.ExcelMain, "/xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "旧版.doc", Samples.Ole, "application/msword" },
        { "旧表.xls", Samples.Ole, "application/vnd.ms-excel" },
        { "说明.txt", Samples.Text, "text/plain; charset=utf-8" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_file_whose_content_matches_its_extension_is_accepted_as_the_detected_type(string name, byte[] content, string type)
    {
        Decide(name, content).ContentType.Should().Be(type);
    }

    [Theory]
    [InlineData("照片.jpg")]
    [InlineData("setup.exe")]
    [InlineData("说明.txt")]
    [InlineData("文件.pdf")]
    public void A_Windows_executable_is_refused_whatever_it_is_called(string name)
    {
        Refusal(name, Samples.WindowsExe).Should().Be("attachment.executable");
    }

    [Fact]
    public void ELF_binaries_and_shebang_scripts_are_executables()
    {
        Refusal("photo.png", Samples.Elf).Should().Be("attachment.executable");
        Refusal("notes.txt", Samples.Script).Should().Be("attachment.executable");
        Refusal("notes.txt", [0xEF, 0xBB, 0xBF, .. Samples.Script]).Should().Be("attachment.executable");
    }

    [Theory]
    [InlineData("照片.jpg")]
    [InlineData("照片.png")]
    [InlineData("函.pdf")]
    [InlineData("函.docx")]
    public void Content_that_is_not_what_the_extension_says_is_refused(string name)
    {
        // A PNG called .jpg, a PDF called .png, …: the content decides, and a mismatch is refused.
        var other = name.EndsWith(".pdf", StringComparison.Ordinal) ? Samples.Png : Samples.Pdf;
        if (name.EndsWith(".pdf", StringComparison.Ordinal) || name.EndsWith(".docx", StringComparison.Ordinal))
        {
            other = Samples.Jpeg;
        }
        if (name.EndsWith(".jpg", StringComparison.Ordinal))
        {
            other = Samples.Png;
        }
        Refusal(name, other).Should().Be("attachment.content_mismatch");
    }

    [Fact]
    public void An_Office_package_must_declare_the_main_part_of_its_extension()
    {
        Refusal("名单.docx", Samples.Ooxml(Samples.ExcelMain, "/xl/workbook.xml")).Should().Be("attachment.content_mismatch");
        Refusal("宏.docx", Samples.Ooxml(Samples.WordMacroMain)).Should().Be("attachment.content_mismatch");
        Refusal("压缩包.docx", Samples.PlainZip()).Should().Be("attachment.content_mismatch");
        Refusal("broken.xlsx", [.. "PK"u8, 3, 4, 0, 0, 0, 0]).Should().Be("attachment.content_mismatch");
    }

    [Fact]
    public void Text_must_be_valid_UTF_8_without_NUL_bytes()
    {
        Refusal("gbk.txt", Encoding.Latin1.GetBytes("caf\u00e9 \u00ff\u00fe")).Should().Be("attachment.content_mismatch");
        Refusal("binary.txt", [(byte)'a', 0, (byte)'b']).Should().Be("attachment.content_mismatch");
    }

    [Theory]
    [InlineData("program.exe")]
    [InlineData("run.sh")]
    [InlineData("page.html")]
    [InlineData("image.svg")]
    [InlineData("noextension")]
    public void Types_outside_the_list_are_refused_by_name_even_with_harmless_content(string name)
    {
        Refusal(name, Samples.Text).Should().Be("attachment.type_not_allowed");
    }

    [Fact]
    public void A_multi_byte_character_split_across_two_chunks_is_still_valid_UTF_8()
    {
        var bytes = Encoding.UTF8.GetBytes("联系函");
        var check = new Utf8Check();
        check.Append(bytes.AsSpan(0, 2));
        check.Append(bytes.AsSpan(2));
        check.Append([], final: true);
        check.Valid.Should().BeTrue();

        var truncated = new Utf8Check();
        truncated.Append(bytes.AsSpan(0, 2), final: true);
        truncated.Valid.Should().BeFalse();
    }
}
