using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.UnitTests.Stations;

public sealed class RotaPlannerTests
{
    private static readonly DateOnly Jan5 = new(2026, 1, 5); // a Monday
    private static readonly DateOnly Assigned = new(2025, 1, 1);

    private static RotaCandidate Deputy(string name, DateOnly? from = null, DateOnly? to = null) =>
        new(Guid.CreateVersion7(), name, from ?? Assigned, to);

    private static RotaPlanInput Input(DateOnly from, DateOnly to, IEnumerable<RotaCandidate> deputies, IEnumerable<RotaLeave>? leaves = null,
        Dictionary<DateOnly, Guid>? kept = null, Dictionary<Guid, DateOnly>? last = null) =>
        new(from, to, deputies.ToList(), (leaves ?? []).ToList(), kept ?? [], last ?? []);

    [Fact]
    public void Weeks_run_monday_to_sunday_and_cover_the_period()
    {
        var weeks = RotaPlanner.Weeks(new DateOnly(2026, 1, 7), new DateOnly(2026, 1, 19));
        weeks.Should().Equal(Jan5, Jan5.AddDays(7), Jan5.AddDays(14));
        weeks.Should().OnlyContain(w => w.DayOfWeek == DayOfWeek.Monday);
        RotaPlanner.Monday(new DateOnly(2026, 1, 11)).Should().Be(Jan5); // a Sunday belongs to the week before
    }

    [Theory]
    [InlineData(3, 12)]
    [InlineData(5, 13)]
    [InlineData(7, 26)]
    [InlineData(4, 4)]
    public void Counts_differ_by_at_most_one_and_everyone_serves_before_anyone_serves_twice(int deputies, int weeks)
    {
        var people = Enumerable.Range(1, deputies).Select(i => Deputy($"代表{i:D2}")).ToList();
        var plan = RotaPlanner.Plan(Input(Jan5, Jan5.AddDays(7 * weeks - 1), people));

        plan.Assigned.Should().HaveCount(weeks);
        plan.Unfilled.Should().BeEmpty();
        var counts = people.Select(p => plan.Assigned.Count(a => a.Deputy.DeputyId == p.DeputyId)).ToList();
        (counts.Max() - counts.Min()).Should().BeLessThanOrEqualTo(1);
        plan.Assigned.Take(Math.Min(deputies, weeks)).Select(a => a.Deputy.DeputyId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_next_generation_starts_with_those_who_served_least_recently()
    {
        var (a, b, c) = (Deputy("甲"), Deputy("乙"), Deputy("丙"));
        var first = RotaPlanner.Plan(Input(Jan5, Jan5.AddDays(13), [a, b, c]));
        first.Assigned.Select(x => x.Deputy.Name).Should().Equal("丙", "乙"); // by name (ordinal) when nobody has served yet

        var last = first.Assigned.ToDictionary(x => x.Deputy.DeputyId, x => x.WeekStart);
        var next = RotaPlanner.Plan(Input(Jan5.AddDays(14), Jan5.AddDays(34), [a, b, c], last: last));
        next.Assigned.Select(x => x.Deputy.Name).Should().Equal("甲", "丙", "乙");
    }

    [Fact]
    public void A_deputy_on_leave_for_any_day_of_a_week_is_skipped_for_the_next_fair_candidate()
    {
        var (a, b, c) = (Deputy("甲"), Deputy("乙"), Deputy("丙"));
        // 丙 would take the first week; a leave on its Sunday alone is enough to skip it.
        var plan = RotaPlanner.Plan(Input(Jan5, Jan5.AddDays(20), [a, b, c], [new RotaLeave(c.DeputyId, Jan5.AddDays(6), Jan5.AddDays(6))]));
        plan.Assigned[0].Deputy.Should().Be(b);
        plan.Assigned.Select(x => x.Deputy).Should().BeEquivalentTo([a, b, c]);
        plan.Assigned.Single(x => x.Deputy == c).WeekStart.Should().NotBe(Jan5);
    }

    [Fact]
    public void A_week_when_everyone_is_on_leave_stays_unfilled()
    {
        var a = Deputy("甲");
        var plan = RotaPlanner.Plan(Input(Jan5, Jan5.AddDays(13), [a], [new RotaLeave(a.DeputyId, Jan5.AddDays(2), Jan5.AddDays(3))]));
        plan.Unfilled.Should().Equal(Jan5);
        plan.Assigned.Should().ContainSingle().Which.WeekStart.Should().Be(Jan5.AddDays(7));
    }

    [Fact]
    public void No_assigned_deputies_is_refused_in_chinese()
    {
        var act = () => RotaPlanner.Plan(Input(Jan5, Jan5.AddDays(13), []));
        act.Should().Throw<BusinessRuleException>().Where(e => e.Code == "stations.rota_no_deputies" && e.Message.Contains("没有进站代表"));

        var gone = Deputy("甲", Assigned, Jan5.AddDays(-1));
        var late = () => RotaPlanner.Plan(Input(Jan5, Jan5.AddDays(13), [gone]));
        late.Should().Throw<BusinessRuleException>();
    }

    [Fact]
    public void One_deputy_takes_every_week()
    {
        var a = Deputy("甲");
        var plan = RotaPlanner.Plan(Input(Jan5, Jan5.AddDays(7 * 10 - 1), [a]));
        plan.Assigned.Should().HaveCount(10).And.OnlyContain(x => x.Deputy == a);
    }

    [Fact]
    public void Only_deputies_assigned_for_the_whole_week_take_it()
    {
        var a = Deputy("甲");
        var joinsMidweek = Deputy("乙", Jan5.AddDays(2));
        var plan = RotaPlanner.Plan(Input(Jan5, Jan5.AddDays(13), [a, joinsMidweek]));
        plan.Assigned.Select(x => x.Deputy).Should().Equal(a, joinsMidweek);
    }

    [Fact]
    public void Kept_weeks_stay_and_count_towards_fairness()
    {
        var (a, b) = (Deputy("甲"), Deputy("乙"));
        var kept = new Dictionary<DateOnly, Guid> { [Jan5] = b.DeputyId, [Jan5.AddDays(7)] = b.DeputyId };
        var plan = RotaPlanner.Plan(Input(Jan5, Jan5.AddDays(27), [a, b], kept: kept));
        plan.Assigned.Select(x => x.WeekStart).Should().Equal(Jan5.AddDays(14), Jan5.AddDays(21));
        plan.Assigned.Select(x => x.Deputy).Should().Equal(a, a);
    }

    [Fact]
    public void The_same_input_gives_the_same_rota_whatever_the_order_of_the_deputies()
    {
        var people = Enumerable.Range(1, 6).Select(i => Deputy($"代表{i}")).ToList();
        var leaves = new List<RotaLeave> { new(people[2].DeputyId, Jan5.AddDays(10), Jan5.AddDays(30)) };
        var one = RotaPlanner.Plan(Input(Jan5, Jan5.AddDays(7 * 20 - 1), people, leaves));
        var shuffled = people.OrderBy(_ => Random.Shared.Next()).ToList();
        var two = RotaPlanner.Plan(Input(Jan5, Jan5.AddDays(7 * 20 - 1), shuffled, leaves));
        two.Assigned.Should().Equal(one.Assigned);
    }

    [Fact]
    public void Periods_are_checked()
    {
        ((Action)(() => RotaPlanner.Weeks(Jan5, Jan5.AddDays(-1)))).Should().Throw<BusinessRuleException>();
        ((Action)(() => RotaPlanner.Weeks(Jan5, Jan5.AddDays(7 * 60)))).Should().Throw<BusinessRuleException>();
    }
}
