using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Calendar.Features;

/// <summary>
/// Marks a date a holiday or a make-up workday (creating or replacing its row). Deadlines counted from now on use it.
/// A make-up workday must be a Saturday or Sunday (a weekday is a workday already).
/// </summary>
[RequiresPermission(Security.PlatformPermissions.CalendarManage)]
public sealed record SaveSpecialDayCommand(DateOnly Date, SpecialDayKind Kind, string Name) : ICommand<SpecialDayDto>;

public sealed record SaveSpecialDayBody(SpecialDayKind Kind, string Name)
{
    public SaveSpecialDayCommand ToCommand(DateOnly date) => new(date, Kind, Name);
}

internal sealed class SaveSpecialDayCommandValidator : AbstractValidator<SaveSpecialDayCommand>
{
    public SaveSpecialDayCommandValidator()
    {
        RuleFor(c => c.Date).Must(CalendarLimits.InRange).WithMessage(_ => CalendarLimits.OutOfRange());
        RuleFor(c => c.Kind).IsInEnum()
            .WithMessage(_ => Text.Of("类型须为节假日或调休上班。", "The kind must be Holiday or MakeUpWorkday."));
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= CalendarDbContext.MaxNameLength)
            .WithMessage(_ => Text.Of($"请填写名称(不超过 {CalendarDbContext.MaxNameLength} 个字)。",
                $"A name of at most {CalendarDbContext.MaxNameLength} characters is required."));
        RuleFor(c => c.Date).Must(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            .When(c => c.Kind == SpecialDayKind.MakeUpWorkday)
            .WithMessage(_ => Text.Of("调休上班日须为周六或周日(工作日本来就上班)。",
                "A make-up workday must be a Saturday or Sunday (a weekday is a workday already)."));
    }
}

internal sealed class SaveSpecialDayCommandHandler(CalendarDbContext db, WorkingCalendar calendar, TimeProvider clock)
    : IRequestHandler<SaveSpecialDayCommand, SpecialDayDto>
{
    public async Task<SpecialDayDto> Handle(SaveSpecialDayCommand request, CancellationToken cancellationToken)
    {
        var day = await db.SpecialDays.SingleOrDefaultAsync(d => d.Date == request.Date, cancellationToken);
        if (day is null)
        {
            day = new SpecialDay { Date = request.Date, Year = request.Date.Year };
            db.SpecialDays.Add(day);
        }
        day.Kind = request.Kind;
        day.Name = request.Name.Trim();
        day.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        // Saved here rather than by the unit of work, so that the cache is dropped only once the change is committed.
        await db.SaveChangesAsync(cancellationToken);
        calendar.Invalidate();
        return SpecialDayDto.From(day);
    }
}
