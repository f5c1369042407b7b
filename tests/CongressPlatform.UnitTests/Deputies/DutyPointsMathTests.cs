using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Points;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.UnitTests.Deputies;

public sealed class DutyPointsMathTests
{
    private static readonly Guid Li = Guid.NewGuid();
    private static readonly int[] Scores = [50, 40, 40, 40, 20, 10, 10, 5, 5, 1];

    [Fact]
    public void A_totals_points_stop_at_the_quarter_cap_and_follow_a_new_rule()
    {
        var total = new DutyTotal(Li, 2026, 1, DutyKind.StudyAttended);
        total.Add(1, (2, 6));
        total.Points.Should().Be(2);
        total.Add(2, (2, 6));
        total.Points.Should().Be(6);
        total.Add(2, (2, 6));
        total.Count.Should().Be(5);
        total.Points.Should().Be(6, "ten points stop at the cap of six");
        total.Add(-3, (2, 6));
        total.Points.Should().Be(4);

        total.Reprice((5, null));
        total.Points.Should().Be(10, "the new rule has no cap");
        total.Reprice(null);
        total.Points.Should().Be(0, "a kind without a rule earns nothing");
        var negative = () => total.Add(-3, (2, 6));
        negative.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void The_capped_points_of_a_count()
    {
        DutyTotal.Capped(3, (5, 10)).Should().Be(10);
        DutyTotal.Capped(1, (5, 10)).Should().Be(5);
        DutyTotal.Capped(4, (5, null)).Should().Be(20);
        DutyTotal.Capped(4, null).Should().Be(0);
        DutyTotal.QuarterOf(new DateOnly(2026, 3, 31)).Should().Be(1);
        DutyTotal.QuarterOf(new DateOnly(2026, 4, 1)).Should().Be(2);
        DutyTotal.QuarterOf(new DateOnly(2026, 12, 31)).Should().Be(4);
    }

    [Fact]
    public void Ties_share_a_rank_and_the_next_rank_skips_in_a_stable_order()
    {
        var people = new[] { ("王五", 30m), ("张三", 40m), ("李四", 40m), ("赵六", 30m), ("钱七", 10m) }
            .Select((p, i) => (Id: new Guid(i + 1, 0, 0, new byte[8]), Name: p.Item1, Score: p.Item2)).ToList();

        var ranked = PointsMath.Rank(people, p => p.Score, p => p.Name, p => p.Id);

        ranked.Select(r => (r.Rank, r.Item.Name)).Should().Equal(
            (1, "张三"), (1, "李四"), (3, "王五"), (3, "赵六"), (5, "钱七"));
        PointsMath.Rank(people.AsEnumerable().Reverse(), p => p.Score, p => p.Name, p => p.Id)
            .Select(r => r.Item.Name).Should().Equal(ranked.Select(r => r.Item.Name), "the input order does not matter");
    }

    [Fact]
    public void The_shortlist_takes_the_top_places_or_percentage_and_everyone_tied_with_the_last()
    {
        var ranking = Scores
            .Select((score, i) => (Id: Guid.NewGuid(), Name: $"代表{i:00}", Score: (decimal)score)).ToList();
        var ranked = PointsMath.Rank(ranking, p => p.Score, p => p.Name, p => p.Id);

        PointsMath.Shortlist(ranked, top: 2, percent: null).Should().HaveCount(4, "the second place is shared by three");
        PointsMath.Shortlist(ranked, top: 1, percent: null).Should().ContainSingle();
        PointsMath.Shortlist(ranked, top: null, percent: 50m).Should().HaveCount(5);
        PointsMath.Shortlist(ranked, top: null, percent: 10m).Should().ContainSingle();
        PointsMath.Shortlist(ranked, top: null, percent: 1m).Should().ContainSingle("at least one place");
        PointsMath.Shortlist(ranked, top: 100, percent: null).Should().HaveCount(10);
        PointsMath.Shortlist(Array.Empty<Ranked<int>>(), top: 3, percent: null).Should().BeEmpty();
    }

    [Fact]
    public void A_policy_is_closed_once_its_year_ended_in_Beijing_and_next_year_starts_from_its_rules()
    {
        var policy = PointsPolicy.CreateDefault(2025, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        policy.ReplaceRules([(DutyKind.StudyAttended, 3, 9)], new DateTime(2025, 12, 31, 15, 59, 0, DateTimeKind.Utc));
        policy.Revision.Should().Be(2);

        // 16:00 UTC on 31 December is midnight in Beijing: 2025 is over.
        var newYear = new DateTime(2025, 12, 31, 16, 0, 0, DateTimeKind.Utc);
        policy.IsClosed(newYear).Should().BeTrue();
        var act = () => policy.ReplaceRules([(DutyKind.StudyAttended, 99, null)], newYear);
        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("points.year_closed");
        policy.Rules.Single().Points.Should().Be(3);
        policy.Revision.Should().Be(2);

        var next = policy.CreateNextYear(newYear);
        next.Year.Should().Be(2026);
        next.Revision.Should().Be(1);
        next.IsClosed(newYear).Should().BeFalse();
        next.Rules.Select(r => (r.Kind, r.Points, r.QuarterCap)).Should().Equal((DutyKind.StudyAttended, 3, (int?)9));
        next.Rules.Single().Id.Should().NotBe(policy.Rules.Single().Id);
    }

    [Fact]
    public void A_revision_keeps_the_rules_it_was_saved_with()
    {
        var policy = PointsPolicy.CreateDefault(2026, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var first = PointsPolicyRevision.Of(policy, null);
        policy.ReplaceRules([(DutyKind.GroupActivity, 1, 2)], new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        var second = PointsPolicyRevision.Of(policy, Guid.NewGuid());

        first.Revision.Should().Be(1);
        first.Rules.Should().HaveCount(Enum.GetValues<DutyKind>().Length);
        first.Rules.Single(r => r.Kind == DutyKind.ReportBackGiven).Points.Should().Be(10);
        second.Revision.Should().Be(2);
        second.Rules.Should().Equal((DutyKind.GroupActivity, 1, (int?)2));
    }

    [Fact]
    public void A_group_warns_outside_14_to_24_members_and_refuses_a_deputy_twice()
    {
        var ids = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        var now = DateTime.UtcNow;
        new DeputyGroup("第一小组", ids[0], [ids[1]], ids.Skip(2).Take(10).ToList(), now).Warnings().Should().ContainSingle().Which.Should().Contain("少于");
        new DeputyGroup("第一小组", ids[0], [ids[1], ids[2]], ids.Skip(3).Take(15).ToList(), now).Warnings().Should().BeEmpty();
        new DeputyGroup("第一小组", ids[0], [ids[1]], ids.Skip(2).ToList(), now).Warnings().Should().ContainSingle().Which.Should().Contain("多于");

        var twice = () => new DeputyGroup("第一小组", ids[0], [ids[1]], [ids[0], ids[3]], now);
        twice.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("deputies.group_duplicate_member");
        var noVice = () => new DeputyGroup("第一小组", ids[0], [], [ids[3]], now);
        noVice.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("deputies.group_vice_leaders");
        var threeVices = () => new DeputyGroup("第一小组", ids[0], [ids[1], ids[2], ids[3]], [], now);
        threeVices.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("deputies.group_vice_leaders");
    }

    [Fact]
    public void A_presidium_member_warns_below_5_and_above_7_contacts()
    {
        var ids = Enumerable.Range(0, 9).Select(_ => Guid.NewGuid()).ToList();
        var now = DateTime.UtcNow;
        new PresidiumMember(null, Guid.NewGuid(), "周主席", ids.Take(4).ToList(), now).Warnings().Should().ContainSingle().Which.Should().Contain("少于");
        new PresidiumMember(null, Guid.NewGuid(), "周主席", ids.Take(5).ToList(), now).Warnings().Should().BeEmpty();
        new PresidiumMember(null, Guid.NewGuid(), "周主席", ids.Take(7).ToList(), now).Warnings().Should().BeEmpty();
        new PresidiumMember(null, Guid.NewGuid(), "周主席", ids.Take(8).ToList(), now).Warnings().Should().ContainSingle().Which.Should().Contain("多于");
        var both = () => new PresidiumMember(ids[0], Guid.NewGuid(), "周主席", [], now);
        both.Should().Throw<BusinessRuleException>();
        var self = () => new PresidiumMember(ids[0], null, "周主席", [ids[0]], now);
        self.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("deputies.presidium_self");
    }
}
