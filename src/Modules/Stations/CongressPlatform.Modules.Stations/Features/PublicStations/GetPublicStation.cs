using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Features.Stations;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.PublicStations;

/// <summary>A deputy on the public page: the name always, each contact item only with the deputy's recorded consent.</summary>
public sealed record PublicStationDeputyDto(Guid DeputyId, string Name, string? Mobile, string? Email, string? WorkUnit);

/// <summary>An upcoming reception event at the station: when, and the names of the deputies receiving there (no ids, no phones).</summary>
public sealed record PublicReceptionDto(string Title, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, IReadOnlyList<string> DeputyNames);

/// <summary>
/// What a resident sees after scanning a station's code, with the upcoming centralised reception events held there
/// (<c>Receptions</c>: planned, from today on, at most <see cref="GetPublicStationQueryHandler.ReceptionsShown"/> within
/// <see cref="GetPublicStationQueryHandler.ReceptionDaysAhead"/> days). The published rota and monthly notices are sibling
/// reads (<c>…/public-stations/{id}/rota</c> and <c>…/{id}/notices</c>), not fields of this record.
/// </summary>
public sealed record PublicStationDto(
    Guid Id, string Name, StationKind Kind, string? Community, string Address, string OpeningHours, string? KeeperName, string? Phone,
    IReadOnlyList<PublicStationDeputyDto> Deputies, string OpinionPath, IReadOnlyList<PublicReceptionDto> Receptions);

/// <summary>The public station page. The id comes from a printed code and is untrusted: unknown and closed stations get a Chinese refusal.</summary>
[NoPermissionRequired("The public station page residents reach by scanning the station's QR code")]
public sealed record GetPublicStationQuery(Guid Id) : IQuery<PublicStationDto>;

internal sealed class GetPublicStationQueryHandler(StationsDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<GetPublicStationQuery, PublicStationDto>
{
    public const int ReceptionsShown = 5;

    public const int ReceptionDaysAhead = 90;

    public async Task<PublicStationDto> Handle(GetPublicStationQuery request, CancellationToken cancellationToken)
    {
        // Anonymous: no tenant to filter by; the id alone selects the station.
        var station = await db.Stations.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("stations.public_unknown", Text.Of(
                "未找到该联络站,请核对二维码或链接。", "No such station: check the code or the link."));
        if (!station.IsActive)
        {
            throw new NotFoundException("stations.closed", Text.Of(
                $"{station.Name}已停止开放。如需反映意见,请联系所在街道(乡镇)人大。", $"{station.Name} is closed. Contact your street or township congress office."));
        }
        var deputyIds = await db.StationDeputies.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.StationId == station.Id && a.TenantId == station.TenantId && a.EndedOn == null)
            .Select(a => a.DeputyId).Distinct().ToListAsync(cancellationToken);
        var cards = deputyIds.Count == 0 ? [] : await mediator.Send(new GetPublicDeputyCardsQuery(deputyIds), cancellationToken);
        var receptions = await ReceptionsAsync(station, cancellationToken);
        return new PublicStationDto(station.Id, station.Name, station.Kind, station.Community, station.Address, station.OpeningHours,
            station.KeeperName, station.Phone,
            cards.Select(c => new PublicStationDeputyDto(c.DeputyId, c.Name, c.Mobile, c.Email, c.WorkUnit)).ToList(),
            StationLinks.OpinionPath(station.Id, null), receptions);
    }

    private async Task<List<PublicReceptionDto>> ReceptionsAsync(Station station, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var last = today.AddDays(ReceptionDaysAhead);
        var events = await (from v in db.ReceptionVenues.IgnoreQueryFilters().AsNoTracking()
                            join e in db.ReceptionEvents.IgnoreQueryFilters().AsNoTracking() on v.EventId equals e.Id
                            where v.StationId == station.Id && e.TenantId == station.TenantId && e.Status == ReceptionEventStatus.Planned
                                && e.Date >= today && e.Date <= last
                            orderby e.Date, e.StartTime
                            select e).Take(ReceptionsShown).ToListAsync(cancellationToken);
        var ids = events.Select(e => e.Id).ToList();
        var names = (await db.ReceptionParticipants.IgnoreQueryFilters().AsNoTracking()
                .Where(p => ids.Contains(p.EventId) && p.StationId == station.Id && p.VenueKind == ReceptionVenueKind.Station
                    && p.Attendance != ReceptionAttendance.Leave)
                .Select(p => new { p.EventId, p.DeputyName }).ToListAsync(cancellationToken))
            .ToLookup(p => p.EventId, p => p.DeputyName);
        return events.Select(e => new PublicReceptionDto(e.Title, e.Date, e.StartTime, e.EndTime,
            names[e.Id].Order(StringComparer.Ordinal).ToList())).ToList();
    }
}
