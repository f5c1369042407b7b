using CongressPlatform.BuildingBlocks.Tenancy;

namespace CongressPlatform.UnitTests.Tenancy;

public sealed class TenantPathsTests
{
    [Fact]
    public void Paths_are_the_codes_from_the_root_down_slash_delimited()
    {
        var root = TenantPaths.Root("liucheng");
        root.Should().Be("/liucheng/");
        TenantPaths.Child(root, "dongliu").Should().Be("/liucheng/dongliu/");
    }

    [Theory]
    [InlineData("/liucheng/dongliu/", "/liucheng/", true)]
    [InlineData("/liucheng/", "/liucheng/", true)]
    [InlineData("/liucheng/", "/liucheng/dongliu/", false)]
    [InlineData("/liuchengxi/", "/liucheng/", false)]
    [InlineData("/liucheng/dongliu-east/", "/liucheng/dongliu/", false)]
    public void IsWithin_is_a_prefix_test_on_whole_segments(string path, string ancestor, bool within)
    {
        TenantPaths.IsWithin(path, ancestor).Should().Be(within);
    }

    [Theory]
    [InlineData("liucheng", true)]
    [InlineData("dongliu-2", true)]
    [InlineData("ab", true)]
    [InlineData("a", false)]
    [InlineData("Liucheng", false)]
    [InlineData("2liucheng", false)]
    [InlineData("liu/cheng", false)]
    [InlineData("liu_cheng", false)]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", true)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", false)]
    public void Codes_are_lower_case_slugs_of_2_to_32_characters(string code, bool valid)
    {
        TenantPaths.CodePattern().IsMatch(code).Should().Be(valid);
    }
}
