using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Receptions;

/// <summary>
/// Closes a held event whose attendance sheet is complete (422 otherwise). In the same save the outbox gets one
/// <see cref="DutyPerformedIntegrationEvent"/> per participant (kind <c>VotersReceived</c>, source <c>stations</c> and
/// <c>{eventId}:{deputyId}</c>, so the archive keeps one record per deputy and event); a second close is 409.
/// </summary>
[RequiresPermission(StationsPermissions.ReceptionsManage)]
public sealed record CloseReceptionEventCommand(Guid Id) : ICommand<ReceptionEventDto>;

internal sealed class CloseReceptionEventCommandHandler(StationsDbContext db, ITenantContext tenant, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CloseReceptionEventCommand, ReceptionEventDto>
{
    public async Task<ReceptionEventDto> Handle(CloseReceptionEventCommand request, CancellationToken cancellationToken)
    {
        var e = await ReceptionAccess.EventAsync(db, request.Id, cancellationToken);
        ReceptionAccess.EnsureOwn(e, tenant);
        var venues = await ReceptionAccess.VenuesAsync(db, e.Id, cancellationToken);
        var participants = await ReceptionAccess.ParticipantsAsync(db, e.Id, cancellationToken);
        e.Close(participants, user.DisplayName, ChinaTime.Today(clock), clock.GetUtcNow().UtcDateTime);
        foreach (var record in DutyRecords(e, venues, participants))
        {
            db.Publish(record);
        }
        await db.SaveChangesAsync(cancellationToken);
        return ReceptionEventDto.From(e, venues, participants);
    }

    /// <summary>The archive records of a closed event: one per participant, idempotent by event and deputy.</summary>
    internal static IEnumerable<DutyPerformedIntegrationEvent> DutyRecords(ReceptionEvent e, IReadOnlyList<ReceptionVenue> venues,
        IReadOnlyList<ReceptionParticipant> participants)
    {
        var names = venues.ToDictionary(v => v.StationId, v => v.StationName);
        foreach (var p in participants)
        {
            var attendance = p.Attendance switch
            {
                ReceptionAttendance.Attended => DutyAttendance.Attended,
                ReceptionAttendance.Leave => DutyAttendance.Leave,
                _ => DutyAttendance.Absent,
            };
            var venue = p.VenueKind switch
            {
                ReceptionVenueKind.Station => p.StationId is { } s ? names.GetValueOrDefault(s, "联络站") : "联络站",
                ReceptionVenueKind.Online => $"线上({e.OnlineChannel})",
                _ => "分散接待(所在选区)",
            };
            var evidence = attendance == DutyAttendance.Attended
                ? $"{venue};接待选民{p.VotersReceived ?? 0}人次,收集意见建议{p.OpinionsGathered ?? 0}条"
                : venue;
            yield return new DutyPerformedIntegrationEvent(p.DeputyId, e.TenantId, DutyKind.VotersReceived, e.Date,
                $"集中接待选民活动:{e.Title}", "stations", $"{e.Id}:{p.DeputyId}", attendance,
                attendance == DutyAttendance.Leave ? p.LeaveReason ?? "请假" : null, evidence);
        }
    }
}
