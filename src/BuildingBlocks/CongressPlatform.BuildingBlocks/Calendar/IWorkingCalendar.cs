namespace CongressPlatform.BuildingBlocks.Calendar;

/// <summary>
/// The working-day calendar (工作日历) every deadline is counted on: Beijing dates, Monday to Friday, minus the public
/// holidays (节假日), plus the make-up workdays (调休上班) that the State Council's yearly notice moves onto a weekend.
/// The special days live in one table, seeded with the published calendars and editable by the system administrator.
/// <para>
/// Counting follows Chinese practice (民法典第二百零一条; 信访工作条例): the day a period starts on does not count; it
/// runs from the next day. "Within 15 working days of 2025-09-30" ends on <c>AddWorkingDaysAsync(2025-09-30, 15)</c>.
/// </para>
/// <para>
/// A year the table holds no special day for is "not covered": only the weekend rule applies there, and
/// <see cref="IsCoveredAsync"/> says so (the API shows it) — add that year's days once the State Council publishes them.
/// </para>
/// </summary>
public interface IWorkingCalendar
{
    /// <summary>True on a weekday that is not a holiday, and on a make-up workday (a Saturday or Sunday).</summary>
    Task<bool> IsWorkingDayAsync(DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="start"/>; <paramref name="start"/> itself never counts.
    /// <paramref name="days"/> = 0 gives <paramref name="start"/> when it is a working day, otherwise the first working day
    /// after it (a deadline falling on a holiday moves to the next working day). Negative <paramref name="days"/> throw.
    /// </summary>
    Task<DateOnly> AddWorkingDaysAsync(DateOnly start, int days, CancellationToken cancellationToken = default);

    /// <summary>
    /// The working days in (<paramref name="start"/>, <paramref name="finish"/>]: after <paramref name="start"/>, up to and
    /// including <paramref name="finish"/>, so that <c>Count(d, AddWorkingDays(d, n)) == n</c> for n ≥ 1. Negative when
    /// <paramref name="finish"/> is before <paramref name="start"/> (the count of (finish, start], negated); 0 when equal.
    /// </summary>
    Task<int> CountWorkingDaysAsync(DateOnly start, DateOnly finish, CancellationToken cancellationToken = default);

    /// <summary>True when the table holds that year's special days; otherwise only weekends are non-working there.</summary>
    Task<bool> IsCoveredAsync(int year, CancellationToken cancellationToken = default);
}
