using CongressPlatform.BuildingBlocks.Calendar;
using CongressPlatform.BuildingBlocks.Calendar.Migrations;

namespace CongressPlatform.UnitTests.Calendar;

/// <summary>The arithmetic of the working-day calendar over the published 2025–2026 arrangements (the migration's seed).</summary>
public sealed class WorkingCalendarTests
{
    private static readonly CalendarSnapshot Published = new(InitialCalendar.Published);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void The_seed_is_the_published_arrangement_every_make_up_day_a_weekend_and_no_date_twice()
    {
        var days = InitialCalendar.Published;
        days.Select(d => d.Date).Should().OnlyHaveUniqueItems();
        days.Where(d => d.Kind == SpecialDayKind.MakeUpWorkday)
            .Should().OnlyContain(d => d.Date.DayOfWeek == DayOfWeek.Saturday || d.Date.DayOfWeek == DayOfWeek.Sunday);
        days.Should().OnlyContain(d => d.Year == d.Date.Year && d.Name.Length > 0);
        // 2025: 元旦 1 + 春节 8 + 清明 3 + 劳动节 5 + 端午 3 + 国庆中秋 8; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7.
        days.Count(d => d.Year == 2025 && d.Kind == SpecialDayKind.Holiday).Should().Be(28);
        days.Count(d => d.Year == 2026 && d.Kind == SpecialDayKind.Holiday).Should().Be(33);
        days.Where(d => d.Kind == SpecialDayKind.MakeUpWorkday).Select(d => d.Date).Should().Equal(
            D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11),
            D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10));
        Published.CoveredYears.Should().BeEquivalentTo([2025, 2026]);
    }

    [Theory]
    [InlineData(2025, 1, 1, false)]   // 元旦, a Wednesday
    [InlineData(2025, 1, 26, true)]   // 春节调休上班, a Sunday
    [InlineData(2025, 1, 28, false)]  // 除夕
    [InlineData(2025, 2, 5, true)]    // first day back
    [InlineData(2025, 2, 8, true)]    // 春节调休上班, a Saturday
    [InlineData(2025, 2, 9, false)]   // an ordinary Sunday
    [InlineData(2025, 10, 8, false)]  // last day of 国庆节、中秋节, a Wednesday
    [InlineData(2025, 10, 11, true)]  // 国庆调休上班, a Saturday
    [InlineData(2026, 2, 23, false)]  // 正月初七, a Monday
    [InlineData(2026, 2, 24, true)]
    [InlineData(2026, 6, 19, false)]  // 端午节, a Friday
    [InlineData(2026, 9, 20, true)]   // 国庆节调休上班, a Sunday
    [InlineData(2027, 1, 1, true)]    // 2027 not entered: only the weekend rule (a Friday)
    [InlineData(2027, 1, 2, false)]
    public void A_day_works_on_a_weekday_that_is_no_holiday_and_on_a_make_up_day(int year, int month, int day, bool working) =>
        Published.IsWorkingDay(D(year, month, day)).Should().Be(working);

    [Fact]
    public void Spring_Festival_2025_is_skipped_and_its_Sunday_make_up_day_counts()
    {
        Published.AddWorkingDays(D(2025, 1, 24), 1).Should().Be(D(2025, 1, 26), "Sunday 26 January was a make-up workday");
        Published.AddWorkingDays(D(2025, 1, 24), 2).Should().Be(D(2025, 1, 27));
        Published.AddWorkingDays(D(2025, 1, 27), 1).Should().Be(D(2025, 2, 5), "28 January to 4 February were the holiday");
        Published.AddWorkingDays(D(2025, 2, 7), 1).Should().Be(D(2025, 2, 8), "Saturday 8 February was a make-up workday");
        Published.AddWorkingDays(D(2025, 2, 7), 2).Should().Be(D(2025, 2, 10));
    }

    [Fact]
    public void Spring_Festival_2026_is_skipped_with_both_Saturday_make_up_days()
    {
        Published.AddWorkingDays(D(2026, 2, 13), 1).Should().Be(D(2026, 2, 14));
        Published.AddWorkingDays(D(2026, 2, 13), 2).Should().Be(D(2026, 2, 24), "15 to 23 February are the holiday");
        Published.AddWorkingDays(D(2026, 2, 27), 1).Should().Be(D(2026, 2, 28));
        Published.AddWorkingDays(D(2026, 2, 27), 2).Should().Be(D(2026, 3, 2));
        Published.CountWorkingDays(D(2026, 2, 13), D(2026, 2, 28)).Should().Be(6, "the 14th, 24th to 27th and 28th; the 13th itself does not count");
    }

    [Fact]
    public void National_Day_2025_counts_28_September_and_11_October_and_skips_1_to_8_October()
    {
        var start = D(2025, 9, 26);
        DateOnly[] expected =
        [
            D(2025, 9, 28), D(2025, 9, 29), D(2025, 9, 30), D(2025, 10, 9), D(2025, 10, 10), D(2025, 10, 11), D(2025, 10, 13),
        ];
        for (var n = 1; n <= expected.Length; n++)
        {
            Published.AddWorkingDays(start, n).Should().Be(expected[n - 1], $"{n} working day(s) after {start}");
        }
        Published.CountWorkingDays(start, D(2025, 10, 13)).Should().Be(7);
        Published.Between(start, D(2025, 10, 13)).Select(d => d.Date)
            .Should().Equal([D(2025, 9, 28), .. Enumerable.Range(1, 8).Select(i => D(2025, 10, i)), D(2025, 10, 11)]);
    }

    [Fact]
    public void Zero_days_is_the_start_itself_when_it_works_otherwise_the_next_working_day()
    {
        Published.AddWorkingDays(D(2025, 9, 30), 0).Should().Be(D(2025, 9, 30));
        Published.AddWorkingDays(D(2025, 10, 1), 0).Should().Be(D(2025, 10, 9));
        Published.AddWorkingDays(D(2025, 9, 27), 0).Should().Be(D(2025, 9, 28), "the Sunday after is a make-up workday");
        Published.AddWorkingDays(D(2025, 9, 28), 0).Should().Be(D(2025, 9, 28));
        Published.CountWorkingDays(D(2025, 9, 30), D(2025, 9, 30)).Should().Be(0);
    }

    [Fact]
    public void Counting_crosses_years_and_leap_days_and_an_unentered_year_follows_weekends_only()
    {
        Published.AddWorkingDays(D(2024, 12, 31), 1).Should().Be(D(2025, 1, 2), "元旦 2025 is skipped from an unentered year");
        Published.AddWorkingDays(D(2025, 12, 31), 1).Should().Be(D(2026, 1, 4), "1–3 January 2026 are 元旦, Sunday the 4th is worked");
        Published.AddWorkingDays(D(2026, 12, 31), 1).Should().Be(D(2027, 1, 1), "2027 is not entered: a Friday works");
        Published.AddWorkingDays(D(2024, 2, 28), 2).Should().Be(D(2024, 3, 1), "29 February 2024 is a Thursday");
        Published.AddWorkingDays(D(2028, 2, 25), 2).Should().Be(D(2028, 2, 29));
        Published.CountWorkingDays(D(2024, 2, 28), D(2024, 3, 1)).Should().Be(2);
        Published.Covers(D(2025, 1, 1), D(2026, 12, 31)).Should().BeTrue();
        Published.Covers(D(2026, 12, 31), D(2027, 1, 1)).Should().BeFalse();
    }

    [Fact]
    public void Count_is_the_inverse_of_add_and_antisymmetric()
    {
        for (var start = D(2024, 12, 1); start <= D(2027, 1, 31); start = start.AddDays(3))
        {
            foreach (var n in new[] { 1, 5, 15, 60 })
            {
                var end = Published.AddWorkingDays(start, n);
                Published.IsWorkingDay(end).Should().BeTrue();
                Published.CountWorkingDays(start, end).Should().Be(n, $"{n} working days after {start} is {end}");
                Published.CountWorkingDays(end, start).Should().Be(-n);
            }
        }
    }

    [Fact]
    public void Negative_days_are_refused() =>
        FluentActions.Invoking(() => Published.AddWorkingDays(D(2025, 1, 1), -1)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void An_empty_table_means_weekends_only()
    {
        CalendarSnapshot.Empty.AddWorkingDays(D(2025, 10, 1), 5).Should().Be(D(2025, 10, 8));
        CalendarSnapshot.Empty.CoveredYears.Should().BeEmpty();
    }
}
