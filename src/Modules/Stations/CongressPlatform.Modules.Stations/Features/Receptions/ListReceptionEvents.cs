using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Receptions;

/// <summary>The reception events in scope (the street its own, the district its streets'), newest first, optionally of one status and period.</summary>
[RequiresPermission(StationsPermissions.ReceptionsRead)]
public sealed record ListReceptionEventsQuery(ReceptionEventStatus? Status, DateOnly? From, DateOnly? To) : IQuery<IReadOnlyList<ReceptionEventSummaryDto>>;

internal sealed class ListReceptionEventsQueryHandler(StationsDbContext db) : IRequestHandler<ListReceptionEventsQuery, IReadOnlyList<ReceptionEventSummaryDto>>
{
    public async Task<IReadOnlyList<ReceptionEventSummaryDto>> Handle(ListReceptionEventsQuery request, CancellationToken cancellationToken)
    {
        var query = db.ReceptionEvents.AsNoTracking();
        if (request.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }
        if (request.From is { } from)
        {
            query = query.Where(e => e.Date >= from);
        }
        if (request.To is { } to)
        {
            query = query.Where(e => e.Date <= to);
        }
        var events = await query.OrderByDescending(e => e.Date).ThenByDescending(e => e.StartTime).Take(200).ToListAsync(cancellationToken);
        var ids = events.Select(e => e.Id).ToList();
        var venues = await db.ReceptionVenues.AsNoTracking().Where(v => ids.Contains(v.EventId))
            .GroupBy(v => v.EventId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var participants = (await db.ReceptionParticipants.AsNoTracking().Where(p => ids.Contains(p.EventId))
            .Select(p => new { p.EventId, p.Attendance }).ToListAsync(cancellationToken)).ToLookup(p => p.EventId);
        return events.Select(e => new ReceptionEventSummaryDto(e.Id, e.Title, e.Date, e.StartTime, e.EndTime, e.Status, venues.GetValueOrDefault(e.Id),
            e.OnlineChannel is not null, participants[e.Id].Count(), participants[e.Id].Count(p => p.Attendance == ReceptionAttendance.Attended),
            participants[e.Id].Count(p => p.Attendance == ReceptionAttendance.Leave))).ToList();
    }
}
