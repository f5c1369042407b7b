using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.UnitTests.Deputies;

public sealed class PointsPolicyTests
{
    private static readonly DateTime Created = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_default_policy_has_one_rule_for_every_kind_of_duty_at_revision_1()
    {
        var policy = PointsPolicy.CreateDefault(2026, Created);
        policy.Year.Should().Be(2026);
        policy.Revision.Should().Be(1);
        policy.UpdatedAtUtc.Should().Be(Created);
        policy.Rules.Select(r => r.Kind).Should().BeEquivalentTo(Enum.GetValues<DutyKind>(), "every kind of duty earns points");
        policy.Rules.Should().OnlyContain(r => r.Points > 0 && (r.QuarterCap == null || r.QuarterCap >= r.Points));
        policy.Rules.Single(r => r.Kind == DutyKind.ReportBackGiven).Points.Should().Be(10);
        policy.Rules.Select(r => r.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Replacing_the_rules_raises_the_revision_each_time()
    {
        var policy = PointsPolicy.CreateDefault(2026, Created);
        policy.ReplaceRules([(DutyKind.StudyAttended, 3, 9), (DutyKind.SuggestionRaised, 6, null)], Later);
        policy.Revision.Should().Be(2);
        policy.UpdatedAtUtc.Should().Be(Later);
        policy.Rules.Select(r => (r.Kind, r.Points, r.QuarterCap))
            .Should().Equal((DutyKind.StudyAttended, 3, (int?)9), (DutyKind.SuggestionRaised, 6, (int?)null));

        policy.ReplaceRules([(DutyKind.GroupActivity, 1, null)], Later.AddDays(1));
        policy.Revision.Should().Be(3);
        policy.Rules.Should().ContainSingle().Which.Kind.Should().Be(DutyKind.GroupActivity);
    }

    [Fact]
    public void Two_rules_for_one_kind_are_refused_and_change_nothing()
    {
        var policy = PointsPolicy.CreateDefault(2026, Created);
        var act = () => policy.ReplaceRules([(DutyKind.StudyAttended, 3, 9), (DutyKind.StudyAttended, 4, null)], Later);
        act.Should().Throw<BusinessRuleException>().Which.Code.Should().Be("points.duplicate_kind");
        policy.Revision.Should().Be(1);
        policy.UpdatedAtUtc.Should().Be(Created);
        policy.Rules.Should().HaveCount(Enum.GetValues<DutyKind>().Length);
    }
}
