using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Notices;

/// <summary>An item on the public board: no tracking code, no name, no contact; texts scrubbed.</summary>
public sealed record PublicNoticeItemDto(
    string? Category, DateOnly ReceivedOn, DateOnly? AnsweredOn, bool RaisedInPeriod, bool AnsweredInPeriod, string StatusName, string Summary,
    string? Answer);

public sealed record PublicStationNoticeDto(
    Guid Id, DateOnly PeriodStart, DateOnly PeriodEnd, DateTime? PublishedAtUtc, int RaisedCount, int AnsweredCount, int ConfidentialCount,
    IReadOnlyList<PublicNoticeItemDto> Items);

/// <summary>The station's published monthly notices, latest first (at most the last twelve).</summary>
[NoPermissionRequired("The public station page residents reach by scanning the station's QR code shows its published notices")]
public sealed record GetPublicStationNoticesQuery(Guid StationId) : IQuery<IReadOnlyList<PublicStationNoticeDto>>;

internal sealed class GetPublicStationNoticesQueryHandler(StationsDbContext db)
    : IRequestHandler<GetPublicStationNoticesQuery, IReadOnlyList<PublicStationNoticeDto>>
{
    public const int MaxNotices = 12;

    public async Task<IReadOnlyList<PublicStationNoticeDto>> Handle(GetPublicStationNoticesQuery request, CancellationToken cancellationToken)
    {
        // Anonymous: no tenant to filter by; the station id selects, and only published notices of an active station show.
        var station = await db.Stations.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.StationId, cancellationToken);
        if (station is not { IsActive: true })
        {
            throw new NotFoundException("stations.public_unknown", Text.Of("未找到该联络站,请核对二维码或链接。", "No such station: check the code or the link."));
        }
        var notices = await db.StationNotices.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.StationId == station.Id && n.TenantId == station.TenantId && n.Status == StationNoticeStatus.Published)
            .OrderByDescending(n => n.PeriodEnd).Take(MaxNotices).ToListAsync(cancellationToken);
        var ids = notices.Select(n => n.Id).ToList();
        var items = await db.StationNoticeItems.IgnoreQueryFilters().AsNoTracking()
            .Where(i => ids.Contains(i.NoticeId) && i.TenantId == station.TenantId && !i.Excluded)
            .ToListAsync(cancellationToken);
        return notices.Select(n =>
        {
            var mine = NoticeAccess.Order(items.Where(i => i.NoticeId == n.Id)).ToList();
            return new PublicStationNoticeDto(n.Id, n.PeriodStart, n.PeriodEnd, n.PublishedAtUtc, mine.Count(i => i.RaisedInPeriod),
                mine.Count(i => i.AnsweredInPeriod), n.ConfidentialCount,
                mine.Select(i => new PublicNoticeItemDto(i.Category, i.ReceivedOn, i.AnsweredOn, i.RaisedInPeriod, i.AnsweredInPeriod,
                    OpinionStatuses.ZhName(i.OpinionStatus),
                    // Scrubbed when compiled and when edited; once more here, so nothing typed later can leak.
                    NoticeScrubber.Scrub(i.Summary, []), i.Answer is null ? null : NoticeScrubber.Scrub(i.Answer, []))).ToList());
        }).ToList();
    }
}
