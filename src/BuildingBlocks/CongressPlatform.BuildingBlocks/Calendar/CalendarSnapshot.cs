using System.Collections.Frozen;

namespace CongressPlatform.BuildingBlocks.Calendar;

/// <summary>
/// The calendar table in memory and the arithmetic over it (see <see cref="IWorkingCalendar"/> for the rules).
/// Immutable: an edit replaces the whole snapshot.
/// </summary>
internal sealed class CalendarSnapshot
{
    private readonly FrozenDictionary<DateOnly, SpecialDay> _days;

    public CalendarSnapshot(IEnumerable<SpecialDay> days)
    {
        _days = days.ToFrozenDictionary(d => d.Date);
        CoveredYears = _days.Keys.Select(d => d.Year).ToFrozenSet();
    }

    public static CalendarSnapshot Empty { get; } = new([]);

    /// <summary>Years with at least one special day: the ones whose holidays are known.</summary>
    public IReadOnlySet<int> CoveredYears { get; }

    public SpecialDay? Find(DateOnly date) => _days.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date) => _days.TryGetValue(date, out var special)
        ? special.Kind == SpecialDayKind.MakeUpWorkday
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        if (days == 0)
        {
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(1);
            }
            return date;
        }
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                days--;
            }
        }
        return date;
    }

    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -CountWorkingDays(to, from);
        }
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The special days in (<paramref name="after"/>, <paramref name="until"/>], in date order.</summary>
    public IReadOnlyList<SpecialDay> Between(DateOnly after, DateOnly until) =>
        _days.Values.Where(d => d.Date > after && d.Date <= until).OrderBy(d => d.Date).ToList();

    /// <summary>True when every year from <paramref name="from"/>'s to <paramref name="to"/>'s is covered.</summary>
    public bool Covers(DateOnly from, DateOnly to)
    {
        for (var year = Math.Min(from.Year, to.Year); year <= Math.Max(from.Year, to.Year); year++)
        {
            if (!CoveredYears.Contains(year))
            {
                return false;
            }
        }
        return true;
    }
}
