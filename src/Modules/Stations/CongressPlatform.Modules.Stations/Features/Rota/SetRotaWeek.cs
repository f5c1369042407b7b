using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Rota;

/// <summary>
/// Sets a week's deputy by hand (手工调整), creating the week if the rota has none: the deputy must be assigned to the
/// station. A hand-set week is kept by later generations; a week already confirmed cannot change (409).
/// </summary>
[RequiresPermission(StationsPermissions.RotaManage)]
public sealed record SetRotaWeekCommand(Guid StationId, DateOnly WeekStart, Guid DeputyId) : ICommand<RotaWeekDto>;

public sealed record SetRotaWeekBody(Guid DeputyId)
{
    public SetRotaWeekCommand ToCommand(Guid stationId, DateOnly weekStart) => new(stationId, weekStart, DeputyId);
}

internal sealed class SetRotaWeekCommandHandler(StationsDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SetRotaWeekCommand, RotaWeekDto>
{
    public async Task<RotaWeekDto> Handle(SetRotaWeekCommand request, CancellationToken cancellationToken)
    {
        var station = await RotaAccess.StationAsync(db, request.StationId, cancellationToken);
        RotaAccess.EnsureMayManage(station, user);
        if (request.WeekStart.DayOfWeek != DayOfWeek.Monday)
        {
            throw new BusinessRuleException("stations.rota_week_start", Text.Of("值班周从星期一开始。", "A rota week starts on a Monday."));
        }
        var assignment = await db.StationDeputies.AsNoTracking()
            .Where(a => a.StationId == station.Id && a.DeputyId == request.DeputyId && a.EndedOn == null)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new BusinessRuleException("stations.rota_not_assigned",
                Text.Of("该代表不是本站的进站代表,不能安排值班。", "The deputy is not assigned to this station."));
        var now = clock.GetUtcNow().UtcDateTime;
        var week = await db.RotaWeeks.SingleOrDefaultAsync(w => w.StationId == station.Id && w.WeekStart == request.WeekStart, cancellationToken);
        if (week is null)
        {
            week = new RotaWeek(station.Id, request.WeekStart, assignment.DeputyId, assignment.DeputyName, now);
            ((ITenantOwned)week).AssignTenant(station.TenantId, station.TenantPath);
            db.RotaWeeks.Add(week);
        }
        week.AssignByHand(assignment.DeputyId, assignment.DeputyName, now);
        if (RotaWeek.MustBePublic(week.WeekStart, ChinaTime.Today(clock)))
        {
            week.Publish(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return RotaWeekDto.From(week);
    }
}
