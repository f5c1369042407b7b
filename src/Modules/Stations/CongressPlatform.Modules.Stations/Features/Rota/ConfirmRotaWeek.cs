using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Rota;

/// <summary>
/// After the week the keeper or staff record what happened (已履职 / 缺席 / 请假). In the same save the deputy's
/// archive is told through the outbox (<see cref="DutyPerformedIntegrationEvent"/>, source <c>stations</c> and the week's
/// id, so the archive keeps one record per week). A week is confirmed once: a second confirmation is 409.
/// </summary>
[RequiresPermission(StationsPermissions.RotaManage)]
public sealed record ConfirmRotaWeekCommand(Guid WeekId, RotaWeekStatus Outcome, string? Note) : ICommand<RotaWeekDto>;

public sealed record ConfirmRotaWeekBody(RotaWeekStatus Outcome, string? Note)
{
    public ConfirmRotaWeekCommand ToCommand(Guid weekId) => new(weekId, Outcome, Note);
}

internal sealed class ConfirmRotaWeekCommandHandler(StationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ConfirmRotaWeekCommand, RotaWeekDto>
{
    public async Task<RotaWeekDto> Handle(ConfirmRotaWeekCommand request, CancellationToken cancellationToken)
    {
        var week = await db.RotaWeeks.SingleOrDefaultAsync(w => w.Id == request.WeekId, cancellationToken) ?? throw RotaAccess.WeekNotFound();
        var station = await RotaAccess.StationAsync(db, week.StationId, cancellationToken);
        RotaAccess.EnsureMayManage(station, user);
        if (request.Note?.Length > 500)
        {
            throw new BusinessRuleException("stations.rota_note_long", Text.Of("备注不能超过500字。", "The note is at most 500 characters."));
        }
        week.Close(request.Outcome, request.Note, user.DisplayName, ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime);
        var attendance = request.Outcome switch
        {
            RotaWeekStatus.Served => DutyAttendance.Attended,
            RotaWeekStatus.Leave => DutyAttendance.Leave,
            _ => DutyAttendance.Absent,
        };
        db.Publish(new DutyPerformedIntegrationEvent(week.DeputyId, week.TenantId, DutyKind.StationDutyServed, week.WeekStart,
            $"{station.Name}进站值班({week.WeekStart:M月d日}–{week.WeekEnd:M月d日})", "stations", week.Id.ToString(), attendance,
            attendance == DutyAttendance.Leave ? week.Note ?? "请假" : null, week.Note));
        await db.SaveChangesAsync(cancellationToken);
        return RotaWeekDto.From(week);
    }
}
