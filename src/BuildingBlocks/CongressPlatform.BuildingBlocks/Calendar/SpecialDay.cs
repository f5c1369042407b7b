namespace CongressPlatform.BuildingBlocks.Calendar;

/// <summary>What a special day is.</summary>
public enum SpecialDayKind
{
    /// <summary>节假日: no work, whatever the weekday (the whole holiday period, weekend days included).</summary>
    Holiday = 1,

    /// <summary>调休上班: a Saturday or Sunday worked in exchange for a holiday.</summary>
    MakeUpWorkday = 2,
}

/// <summary>One row of the calendar table: a date that is not an ordinary weekday or weekend day.</summary>
public sealed class SpecialDay
{
    public DateOnly Date { get; set; }

    public SpecialDayKind Kind { get; set; }

    /// <summary>E.g. 春节, 春节调休上班.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The date's year (an index for the year view; also which years the table covers).</summary>
    public int Year { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
