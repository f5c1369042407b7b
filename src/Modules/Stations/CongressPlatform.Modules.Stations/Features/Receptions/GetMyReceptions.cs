using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Receptions;

/// <param name="VenueName">The station's name for a station venue, else null (online: see <c>OnlineChannel</c>).</param>
/// <param name="CanRequestLeave">Planned, not started, and not already on leave.</param>
public sealed record MyReceptionDto(
    Guid EventId, Guid ParticipantId, string Title, string? Theme, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, ReceptionEventStatus Status,
    ReceptionVenueKind VenueKind, string? VenueName, string? OnlineChannel, ReceptionAttendance Attendance, string? LeaveReason, bool CanRequestLeave);

/// <summary>The signed-in deputy's reception events (not cancelled) from 90 days back on; empty when the account has no deputy file here.</summary>
[RequiresPermission(StationsPermissions.ReceptionsAttend)]
public sealed record GetMyReceptionsQuery : IQuery<IReadOnlyList<MyReceptionDto>>;

internal sealed class GetMyReceptionsQueryHandler(StationsDbContext db, IMediator sender, TimeProvider clock)
    : IRequestHandler<GetMyReceptionsQuery, IReadOnlyList<MyReceptionDto>>
{
    public async Task<IReadOnlyList<MyReceptionDto>> Handle(GetMyReceptionsQuery request, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetCurrentDeputyQuery(), cancellationToken) is not { } me)
        {
            return [];
        }
        var since = ChinaTime.Today(clock).AddDays(-90);
        var now = ReceptionAccess.NowInChina(clock);
        var rows = await (from p in db.ReceptionParticipants.AsNoTracking()
                          join e in db.ReceptionEvents.AsNoTracking() on p.EventId equals e.Id
                          where p.DeputyId == me.DeputyId && e.Date >= since && e.Status != ReceptionEventStatus.Cancelled
                          select new { p, e }).ToListAsync(cancellationToken);
        var stationIds = rows.Where(r => r.p.StationId != null).Select(r => r.p.StationId!.Value).Distinct().ToList();
        var names = await db.Stations.AsNoTracking().Where(s => stationIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return rows.OrderBy(r => r.e.Date).ThenBy(r => r.e.StartTime)
            .Select(r => new MyReceptionDto(r.e.Id, r.p.Id, r.e.Title, r.e.Theme, r.e.Date, r.e.StartTime, r.e.EndTime, r.e.Status, r.p.VenueKind,
                r.p.StationId is { } s ? names.GetValueOrDefault(s) : null, r.e.OnlineChannel, r.p.Attendance, r.p.LeaveReason,
                r.e.Status == ReceptionEventStatus.Planned && r.e.HasNotStarted(now) && r.p.Attendance != ReceptionAttendance.Leave))
            .ToList();
    }
}
