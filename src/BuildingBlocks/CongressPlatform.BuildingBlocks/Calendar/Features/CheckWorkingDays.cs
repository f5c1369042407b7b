using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.BuildingBlocks.Calendar.Features;

/// <summary>What kind of day a date is.</summary>
public enum DayType
{
    /// <summary>Monday to Friday, not a holiday.</summary>
    Workday = 1,

    /// <summary>Saturday or Sunday, not a make-up workday.</summary>
    Weekend = 2,

    /// <summary>节假日.</summary>
    Holiday = 3,

    /// <summary>调休上班.</summary>
    MakeUpWorkday = 4,
}

/// <summary>
/// The calendar's answer. For <c>?date=</c>: that date, whether it is a working day and why. For <c>?from=&amp;days=</c>:
/// <see cref="Date"/> is the <see cref="Days"/>-th working day after <see cref="From"/> (<see cref="From"/> itself does not
/// count; 0 days gives <see cref="From"/> or, if it is not a working day, the next one), and <see cref="SpecialDays"/> the
/// holidays skipped and make-up workdays counted on the way. <see cref="Covered"/> is false when a year on the way has no
/// holidays entered: only weekends were skipped there (<see cref="Note"/>).
/// </summary>
public sealed record WorkingDaysDto(
    DateOnly? From,
    int? Days,
    DateOnly Date,
    bool IsWorkingDay,
    DayType DayType,
    string? Name,
    IReadOnlyList<SpecialDayDto> SpecialDays,
    bool Covered,
    string? Note);

/// <summary>Either <c>Date</c> alone (is it a working day?) or <c>From</c> and <c>Days</c> (which day is N working days later?).</summary>
[RequiresPermission(Security.PlatformPermissions.CalendarRead)]
public sealed record CheckWorkingDaysQuery(DateOnly? From, int? Days, DateOnly? Date) : IQuery<WorkingDaysDto>;

internal sealed class CheckWorkingDaysQueryValidator : AbstractValidator<CheckWorkingDaysQuery>
{
    public CheckWorkingDaysQueryValidator()
    {
        RuleFor(q => q.Date).Null().When(q => q.From.HasValue || q.Days.HasValue)
            .WithMessage(_ => Text.Of("请只提供 date(判断某日),或只提供 from 和 days(推算期限)。",
                "Give either date (check a day) or from and days (count a deadline), not both."));
        RuleFor(q => q.From).NotNull().When(q => q.Date is null)
            .WithMessage(_ => Text.Of("请提供起算日期 from(或要判断的日期 date)。", "Give the start date from (or a date to check)."));
        RuleFor(q => q.Days).NotNull().When(q => q.Date is null)
            .WithMessage(_ => Text.Of("请提供工作日天数 days。", "Give the number of working days."));
        RuleFor(q => q.Days).InclusiveBetween(0, CalendarLimits.MaxDays).When(q => q.Days.HasValue)
            .WithMessage(_ => Text.Of($"工作日天数须在 0 至 {CalendarLimits.MaxDays} 之间。",
                $"The number of working days must be between 0 and {CalendarLimits.MaxDays}."));
        RuleFor(q => q.From).Must(d => CalendarLimits.InRange(d!.Value)).When(q => q.From.HasValue)
            .WithMessage(_ => CalendarLimits.OutOfRange());
        RuleFor(q => q.Date).Must(d => CalendarLimits.InRange(d!.Value)).When(q => q.Date.HasValue)
            .WithMessage(_ => CalendarLimits.OutOfRange());
    }
}

internal sealed class CheckWorkingDaysQueryHandler(WorkingCalendar calendar) : IRequestHandler<CheckWorkingDaysQuery, WorkingDaysDto>
{
    public async Task<WorkingDaysDto> Handle(CheckWorkingDaysQuery request, CancellationToken cancellationToken)
    {
        var snapshot = await calendar.SnapshotAsync(cancellationToken);
        if (request.Date is { } date)
        {
            return Answer(snapshot, from: null, days: null, date, [], snapshot.Covers(date, date));
        }
        var from = request.From!.Value;
        var days = request.Days!.Value;
        var result = snapshot.AddWorkingDays(from, days);
        // With 0 days the start day itself may be the answer: show its own special day too.
        var specialDays = snapshot.Between(days == 0 ? from.AddDays(-1) : from, result).Select(SpecialDayDto.From).ToList();
        return Answer(snapshot, from, days, result, specialDays, snapshot.Covers(from, result));
    }

    private static WorkingDaysDto Answer(
        CalendarSnapshot snapshot, DateOnly? from, int? days, DateOnly date, IReadOnlyList<SpecialDayDto> specialDays, bool covered)
    {
        var special = snapshot.Find(date);
        var type = special?.Kind switch
        {
            SpecialDayKind.Holiday => DayType.Holiday,
            SpecialDayKind.MakeUpWorkday => DayType.MakeUpWorkday,
            _ => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayType.Weekend : DayType.Workday,
        };
        string? note = null;
        if (!covered)
        {
            var first = Math.Min((from ?? date).Year, date.Year);
            var missing = Enumerable.Range(first, Math.Max((from ?? date).Year, date.Year) - first + 1)
                .Where(y => !snapshot.CoveredYears.Contains(y));
            note = Text.Of(
                $"{string.Join("、", missing)} 年的节假日安排尚未录入,这些年份仅按周六、周日休息计算。",
                $"The holidays of {string.Join(", ", missing)} have not been entered; only Saturdays and Sundays were treated as non-working days in those years.");
        }
        return new WorkingDaysDto(from, days, date, snapshot.IsWorkingDay(date), type, special?.Name, specialDays, covered, note);
    }
}
