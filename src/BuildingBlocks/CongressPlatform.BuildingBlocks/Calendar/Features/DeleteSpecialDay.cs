using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Calendar.Features;

/// <summary>Makes a date an ordinary day again (a weekday works, a weekend rests).</summary>
[RequiresPermission(Security.PlatformPermissions.CalendarManage)]
public sealed record DeleteSpecialDayCommand(DateOnly Date) : ICommand<Unit>;

internal sealed class DeleteSpecialDayCommandHandler(CalendarDbContext db, WorkingCalendar calendar)
    : IRequestHandler<DeleteSpecialDayCommand, Unit>
{
    public async Task<Unit> Handle(DeleteSpecialDayCommand request, CancellationToken cancellationToken)
    {
        var day = await db.SpecialDays.SingleOrDefaultAsync(d => d.Date == request.Date, cancellationToken)
            ?? throw NotFoundException.For("特殊日期", "special day");
        db.SpecialDays.Remove(day);
        await db.SaveChangesAsync(cancellationToken);
        calendar.Invalidate();
        return Unit.Value;
    }
}
