using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Calendar.Features;

/// <summary>
/// A year's special days in date order. <see cref="Covered"/> is false when the table holds none for the year: then only
/// weekends are non-working there, and <see cref="Note"/> says so.
/// </summary>
public sealed record CalendarYearDto(int Year, bool Covered, string? Note, IReadOnlyList<SpecialDayDto> Days);

[RequiresPermission(Security.PlatformPermissions.CalendarRead)]
public sealed record GetCalendarYearQuery(int Year) : IQuery<CalendarYearDto>;

internal sealed class GetCalendarYearQueryValidator : AbstractValidator<GetCalendarYearQuery>
{
    public GetCalendarYearQueryValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(CalendarLimits.MinYear, CalendarLimits.MaxYear)
            .WithMessage(_ => Text.Of($"年份须在 {CalendarLimits.MinYear} 至 {CalendarLimits.MaxYear} 之间。",
                $"The year must be between {CalendarLimits.MinYear} and {CalendarLimits.MaxYear}."));
    }
}

internal sealed class GetCalendarYearQueryHandler(CalendarDbContext db) : IRequestHandler<GetCalendarYearQuery, CalendarYearDto>
{
    public async Task<CalendarYearDto> Handle(GetCalendarYearQuery request, CancellationToken cancellationToken)
    {
        var days = await db.SpecialDays.AsNoTracking()
            .Where(d => d.Year == request.Year)
            .OrderBy(d => d.Date)
            .Select(d => new SpecialDayDto(d.Date, d.Kind, d.Name))
            .ToListAsync(cancellationToken);
        return new CalendarYearDto(request.Year, days.Count > 0, days.Count > 0 ? null : NotCovered(request.Year), days);
    }

    internal static string NotCovered(int year) => Text.Of(
        $"{year} 年的节假日安排尚未录入,该年仅按周六、周日休息计算。",
        $"The holidays of {year} have not been entered; only Saturdays and Sundays count as non-working days in that year.");
}
