using System.Text;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Features.Stations;
using QRCoder;

namespace CongressPlatform.UnitTests.Stations;

public sealed class StationNestingTests
{
    [Theory]
    [InlineData(StationKind.DeputiesHome, null, true)]
    [InlineData(StationKind.CentreStation, null, true)]
    [InlineData(StationKind.CommunityStation, null, true)]
    [InlineData(StationKind.LiaisonPoint, null, false)]
    [InlineData(StationKind.CentreStation, StationKind.DeputiesHome, true)]
    [InlineData(StationKind.CommunityStation, StationKind.CentreStation, true)]
    [InlineData(StationKind.CommunityStation, StationKind.DeputiesHome, true)]
    [InlineData(StationKind.LiaisonPoint, StationKind.CommunityStation, true)]
    [InlineData(StationKind.LiaisonPoint, StationKind.DeputiesHome, true)]
    [InlineData(StationKind.DeputiesHome, StationKind.DeputiesHome, false)]
    [InlineData(StationKind.CentreStation, StationKind.CentreStation, false)]
    [InlineData(StationKind.CentreStation, StationKind.CommunityStation, false)]
    [InlineData(StationKind.LiaisonPoint, StationKind.LiaisonPoint, false)]
    public void A_station_sits_only_under_a_higher_tier(StationKind kind, StationKind? parent, bool allowed) =>
        (StationNesting.Refusal(kind, parent) is null).Should().Be(allowed);

    [Fact]
    public void A_tier_change_must_stay_above_the_children()
    {
        var act = () => StationNesting.EnsureAboveChildren(StationKind.CommunityStation, [StationKind.CommunityStation]);
        act.Should().Throw<CongressPlatform.SharedKernel.BusinessRuleException>();
        StationNesting.EnsureAboveChildren(StationKind.CentreStation, [StationKind.CommunityStation, StationKind.LiaisonPoint]);
    }

    [Fact]
    public void Poster_urls_point_at_the_public_station_page_or_the_opinion_form_naming_the_deputy()
    {
        var station = Guid.Parse("0190a000-0000-7000-8000-000000000001");
        var deputy = Guid.Parse("0190a000-0000-7000-8000-000000000002");
        StationLinks.PosterUrl("https://rd.example.cn/", station, null).Should().Be($"https://rd.example.cn/p/stations/{station}");
        StationLinks.PosterUrl("https://rd.example.cn", station, deputy)
            .Should().Be($"https://rd.example.cn/p/opinions/new?station={station}&deputy={deputy}");
    }

    [Fact]
    public void The_png_encodes_exactly_the_poster_url()
    {
        var url = "https://rd.example.cn/p/stations/0190a000-0000-7000-8000-000000000001";
        using var expected = QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(url), QRCodeGenerator.ECCLevel.M);
        using var actual = StationLinks.Encode(url);
        actual.GetRawData(QRCodeData.Compression.Uncompressed).Should().Equal(expected.GetRawData(QRCodeData.Compression.Uncompressed));
        using var other = StationLinks.Encode(url + "x");
        other.GetRawData(QRCodeData.Compression.Uncompressed).Should().NotEqual(expected.GetRawData(QRCodeData.Compression.Uncompressed));
        StationLinks.Png(url).Should().Equal(new PngByteQRCode(expected).GetGraphic(12));
    }
}
