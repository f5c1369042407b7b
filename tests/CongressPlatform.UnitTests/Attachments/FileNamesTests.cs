using CongressPlatform.BuildingBlocks.Attachments;

namespace CongressPlatform.UnitTests.Attachments;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("关于东柳街道的联系函.pdf", "关于东柳街道的联系函.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\王\\Desktop\\证明材料.docx", "证明材料.docx")]
    [InlineData("/var/tmp/照片 1.jpg", "照片 1.jpg")]
    [InlineData("a\u0000b\u001fc.txt", "abc.txt")]
    [InlineData("invoice\u202Egpj.exe", "invoicegpj.exe")]
    [InlineData("what?<is>:this*|\".png", "what__is__this___.png")]
    [InlineData("  .hidden.txt  ", "hidden.txt")]
    [InlineData("trailing. . .", "trailing")]
    [InlineData("CON.txt", "_CON.txt")]
    [InlineData("lpt1", "_lpt1")]
    [InlineData("Com9.tar.gz", "_Com9.tar.gz")]
    [InlineData("console.txt", "console.txt")]
    [InlineData("全角\u3000空格.txt", "全角 空格.txt")]
    [InlineData("", FileNames.Fallback)]
    [InlineData(null, FileNames.Fallback)]
    [InlineData("../..", FileNames.Fallback)]
    [InlineData("\u202E\u200B", FileNames.Fallback)]
    public void Names_keep_their_letters_and_lose_paths_controls_and_reserved_forms(string? raw, string expected)
    {
        FileNames.Sanitize(raw).Should().Be(expected);
    }

    [Fact]
    public void Long_names_are_cut_to_200_characters_keeping_the_extension_and_whole_characters()
    {
        var name = new string('联', 150) + "😀" + new string('函', 100) + ".docx";
        var sanitized = FileNames.Sanitize(name);
        sanitized.Length.Should().BeLessThanOrEqualTo(FileNames.MaxLength);
        sanitized.Should().EndWith(".docx").And.StartWith("联联");
        sanitized.Should().NotContain("\uFFFD");
        char.IsHighSurrogate(sanitized[^6]).Should().BeFalse();
    }

    [Theory]
    [InlineData("照片.JPG", ".jpg")]
    [InlineData("archive.tar.gz", ".gz")]
    [InlineData("README", "")]
    [InlineData("dot.", "")]
    public void The_extension_is_the_last_one_lower_cased(string name, string extension)
    {
        FileNames.ExtensionOf(name).Should().Be(extension);
    }
}
