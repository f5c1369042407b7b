using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.UnitTests.Stations;

public sealed class RotaWeekTests
{
    private static readonly DateOnly Monday = new(2026, 1, 5);
    private static readonly Guid Station = Guid.CreateVersion7();

    private static RotaWeek Week(DateOnly start, string name) => new(Station, start, Guid.CreateVersion7(), name, DateTime.UtcNow);

    [Fact]
    public void A_week_starting_within_three_days_must_be_public()
    {
        RotaWeek.MustBePublic(Monday, Monday.AddDays(-3)).Should().BeTrue();
        RotaWeek.MustBePublic(Monday, Monday.AddDays(-4)).Should().BeFalse();
        RotaWeek.MustBePublic(Monday, Monday.AddDays(2)).Should().BeTrue();
    }

    [Fact]
    public void An_approved_swap_exchanges_the_deputies_and_marks_both_weeks_kept()
    {
        var (mine, theirs) = (Week(Monday, "甲"), Week(Monday.AddDays(7), "乙"));
        var (a, b) = (mine.DeputyId, theirs.DeputyId);
        var request = new RotaSwapRequest(mine, theirs, "出差", DateTime.UtcNow);
        request.Approve(mine, theirs, "孙站长", DateTime.UtcNow);
        (mine.DeputyId, mine.DeputyName, theirs.DeputyId, theirs.DeputyName).Should().Be((b, "乙", a, "甲"));
        mine.IsKept.Should().BeTrue();
        request.Status.Should().Be(RotaSwapStatus.Approved);
        ((Action)(() => request.Reject(null, "孙站长", DateTime.UtcNow))).Should().Throw<ConflictException>();
    }

    [Fact]
    public void A_swap_whose_weeks_changed_since_the_request_is_refused()
    {
        var (mine, theirs) = (Week(Monday, "甲"), Week(Monday.AddDays(7), "乙"));
        var request = new RotaSwapRequest(mine, theirs, null, DateTime.UtcNow);
        theirs.AssignByHand(Guid.CreateVersion7(), "丙", DateTime.UtcNow);
        ((Action)(() => request.Approve(mine, theirs, "孙站长", DateTime.UtcNow))).Should().Throw<ConflictException>()
            .Where(e => e.Code == "stations.swap_stale");
        mine.DeputyName.Should().Be("甲");
    }

    [Fact]
    public void A_swap_with_oneself_is_refused()
    {
        var mine = Week(Monday, "甲");
        ((Func<RotaSwapRequest>)(() => new RotaSwapRequest(mine, mine, null, DateTime.UtcNow))).Should().Throw<BusinessRuleException>();
    }

    [Fact]
    public void A_week_is_confirmed_only_after_it_ends_and_then_no_longer_changes()
    {
        var week = Week(Monday, "甲");
        ((Action)(() => week.Close(RotaWeekStatus.Served, null, "孙站长", Monday.AddDays(5), DateTime.UtcNow))).Should().Throw<ConflictException>();
        week.Close(RotaWeekStatus.Served, "接待群众5人", "孙站长", Monday.AddDays(6), DateTime.UtcNow);
        week.Status.Should().Be(RotaWeekStatus.Served);
        ((Action)(() => week.AssignByHand(Guid.CreateVersion7(), "乙", DateTime.UtcNow))).Should().Throw<ConflictException>();
        ((Action)(() => week.Close(RotaWeekStatus.Absent, null, "孙站长", Monday.AddDays(9), DateTime.UtcNow))).Should().Throw<ConflictException>();
    }
}
