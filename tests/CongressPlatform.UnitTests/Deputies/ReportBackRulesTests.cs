using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Quarterly;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.UnitTests.Deputies;

public sealed class BallotRulesTests
{
    private static readonly DateTime Opens = new(2026, 12, 20, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Closes = Opens.AddHours(2);

    [Theory]
    [InlineData(-1, BallotState.NotOpen)]
    [InlineData(0, BallotState.Open)]
    [InlineData(119, BallotState.Open)]
    [InlineData(120, BallotState.Closed)]
    [InlineData(500, BallotState.Closed)]
    public void The_window_opens_at_its_start_and_closes_at_its_end(int minutes, BallotState expected) =>
        BallotRules.StateAt(Opens.AddMinutes(minutes), Opens, Closes).Should().Be(expected);

    [Theory]
    [InlineData(8, 0, 2, 10, 80.0, RatingVerdict.Satisfied, true)]
    [InlineData(5, 2, 3, 10, 70.0, RatingVerdict.BasicallySatisfied, true)]
    [InlineData(4, 1, 5, 10, 50.0, RatingVerdict.Dissatisfied, false)]
    [InlineData(9, 0, 0, 10, 100.0, RatingVerdict.QuorumNotMet, false)]
    [InlineData(0, 0, 0, 1, 0.0, RatingVerdict.QuorumNotMet, false)]
    [InlineData(2, 0, 1, 3, 66.7, RatingVerdict.BasicallySatisfied, true)]
    public void Quorum_and_thresholds_decide_the_verdict(int satisfied, int basic, int dissatisfied, int quorum, double rate, RatingVerdict verdict, bool passed)
    {
        var result = BallotRules.Evaluate(satisfied, basic, dissatisfied, quorum, satisfiedThreshold: 80, basicThreshold: 60);
        result.Total.Should().Be(satisfied + basic + dissatisfied);
        result.Rate.Should().Be((decimal)rate);
        result.Verdict.Should().Be(verdict);
        result.Passed.Should().Be(passed);
        result.QuorumMet.Should().Be(verdict != RatingVerdict.QuorumNotMet);
    }

    private static ReportBack Planned(SeatLevel level = SeatLevel.District) =>
        new(Guid.NewGuid(), "张三", 2026, level, new ReportBackPlan(new DateOnly(2026, 12, 20), "联络站", ReportBackForm.Oral, 30, 10, 80, 60), Opens);

    [Fact]
    public void A_tally_and_a_ballot_exclude_each_other_and_a_rating_is_final()
    {
        var tallied = Planned();
        tallied.EnterTally(9, 1, 0, Opens);
        tallied.Invoking(r => r.OpenBallot("t", Opens, Closes, false, Opens)).Should().Throw<BusinessRuleException>().Which.Code.Should().Be("report_back.tally_in_use");
        tallied.MarkRated(Guid.NewGuid(), Opens);
        tallied.Invoking(r => r.EnterTally(1, 1, 1, Opens)).Should().Throw<BusinessRuleException>().Which.Code.Should().Be("report_back.rated");

        var balloted = Planned();
        balloted.OpenBallot("t", Opens, Closes, requiresCode: true, Opens.AddMinutes(-5));
        balloted.Invoking(r => r.EnterTally(1, 0, 0, Opens)).Should().Throw<BusinessRuleException>().Which.Code.Should().Be("report_back.ballot_in_use");
        balloted.Invoking(r => r.MarkRated(Guid.NewGuid(), Opens.AddMinutes(10))).Should().Throw<BusinessRuleException>().Which.Code.Should().Be("ballot.still_open");
        // Once voting began, rescheduling keeps the token and the code rule.
        balloted.OpenBallot("other", Opens.AddMinutes(30), Closes.AddHours(1), requiresCode: false, Opens.AddMinutes(10));
        (balloted.BallotToken, balloted.BallotRequiresCode, balloted.BallotOpensAtUtc, balloted.BallotClosesAtUtc)
            .Should().Be(("t", true, Opens, Closes.AddHours(1)));
        balloted.CloseBallot(Opens.AddMinutes(20));
        balloted.BallotStateAt(Opens.AddMinutes(20)).Should().Be(BallotState.Closed);
        balloted.MarkRated(Guid.NewGuid(), Opens.AddMinutes(21));
        balloted.Status.Should().Be(ReportBackStatus.Rated);
    }

    [Fact]
    public void City_deputies_report_to_the_district_committee()
    {
        Planned(SeatLevel.City).ReportsToCommittee.Should().BeTrue();
        Planned(SeatLevel.Township).ReportsToCommittee.Should().BeFalse();
    }

    [Theory]
    [InlineData(2026, 1, 2, 2025, 4)]
    [InlineData(2026, 4, 1, 2026, 1)]
    [InlineData(2026, 12, 1, 2026, 3)]
    [InlineData(2026, 10, 1, 2026, 3)]
    public void The_job_reports_the_quarter_that_just_ended(int year, int month, int day, int expectedYear, int expectedQuarter) =>
        RunQuarterlyReportsCommandHandler.PreviousQuarter(new DateOnly(year, month, day)).Should().Be((expectedYear, expectedQuarter));
}

public sealed class ReportBackDraftTests
{
    [Fact]
    public void The_draft_has_the_five_headings_counts_and_the_latest_five_items()
    {
        List<DraftRecord> records =
        [
            .. Enumerable.Range(1, 7).Select(i => new DraftRecord(DutyKind.StationDutyServed, new DateOnly(2026, i, 1), $"进站第{i}次", DutyAttendance.Attended, true)),
            new(DutyKind.DeedForPeople, new DateOnly(2026, 5, 1), "助学", DutyAttendance.Attended, true, 1200.5m, 4),
            new(DutyKind.GroupActivity, new DateOnly(2026, 6, 1), "小组活动", DutyAttendance.Leave, false, LeaveReason: "出差"),
            new(DutyKind.SuggestionRaised, new DateOnly(2026, 6, 2), "被更正的建议", DutyAttendance.Attended, false),
        ];
        var text = ReportBackDraft.Compose("张三", 2026, records);

        text.Should().StartWith("各位选民代表:\n我是张三。2026年").And.Contain("共参加各类履职活动 8 次");
        foreach (var (heading, _) in ReportBackDraft.Sections)
        {
            text.Should().Contain(heading);
        }
        text.Should().Contain("进站履职 7 次,接待选民 0 次").And.Contain("进站第7次").And.Contain("进站第3次").And.NotContain("进站第2次")
            .And.Contain("等,共 7 项").And.Contain("涉及资金 1200.5 元,受益群众 4 人").And.Contain("请假 1 次").And.NotContain("被更正的建议");
        text.IndexOf("一、", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("五、", StringComparison.Ordinal));
        text.Should().Contain("本年度档案中暂无此项记录");
    }
}
