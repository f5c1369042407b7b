namespace CongressPlatform.BuildingBlocks.Calendar.Features;

/// <summary>A holiday (节假日) or make-up workday (调休上班) of the calendar.</summary>
public sealed record SpecialDayDto(DateOnly Date, SpecialDayKind Kind, string Name)
{
    internal static SpecialDayDto From(SpecialDay day) => new(day.Date, day.Kind, day.Name);
}

/// <summary>The dates the calendar accepts and answers for.</summary>
internal static class CalendarLimits
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxDays = 1000;

    public static bool InRange(DateOnly date) => date.Year is >= MinYear and <= MaxYear;

    public static string OutOfRange() => CongressPlatform.SharedKernel.Text.Of(
        $"日期须在 {MinYear} 年至 {MaxYear} 年之间。", $"The date must be between the years {MinYear} and {MaxYear}.");
}
