using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Features.Stations;

namespace CongressPlatform.UnitTests.Stations;

public sealed class StationTreeTests
{
    private static StationListItemDto Row(string name, StationKind kind, Guid id, Guid? parent = null) =>
        new(id, Guid.Empty, kind, parent, name, null, "地址", "周一至周五", null, null, null, true, 0, Guid.Empty);

    [Fact]
    public void Every_station_follows_its_parent_and_siblings_go_by_tier_then_name()
    {
        Guid home = Guid.NewGuid(), centre = Guid.NewGuid(), community = Guid.NewGuid(), point = Guid.NewGuid(), other = Guid.NewGuid();
        var rows = new[]
        {
            Row("B社区联络站", StationKind.CommunityStation, community, centre),
            Row("园区联络点", StationKind.LiaisonPoint, point, home),
            Row("中心联络站", StationKind.CentreStation, centre, home),
            Row("代表之家", StationKind.DeputiesHome, home),
            Row("A社区联络站", StationKind.CommunityStation, other, centre),
        };

        var ordered = ListStationsQueryHandler.TreeOrder(rows).Select(r => r.Name);

        ordered.Should().Equal("代表之家", "中心联络站", "A社区联络站", "B社区联络站", "园区联络点");
    }

    [Fact]
    public void A_station_whose_parent_is_out_of_sight_is_shown_at_the_top_rather_than_lost()
    {
        var orphan = Row("联络点", StationKind.LiaisonPoint, Guid.NewGuid(), Guid.NewGuid());

        ListStationsQueryHandler.TreeOrder([orphan]).Should().ContainSingle().Which.Should().Be(orphan);
    }
}
