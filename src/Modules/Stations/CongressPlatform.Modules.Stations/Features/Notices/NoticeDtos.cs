using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Notices;

public sealed record StationNoticeListItemDto(
    Guid Id, Guid StationId, string StationName, DateOnly PeriodStart, DateOnly PeriodEnd, StationNoticeStatus Status, int ItemCount,
    int ExcludedCount, int ConfidentialCount, DateTime? PublishedAtUtc, DateTime UpdatedAtUtc);

/// <summary>An item as staff review it: the scrubbed texts, the opinion's tracking code for looking it up, exclusion.</summary>
public sealed record StationNoticeItemDto(
    Guid Id, Guid OpinionId, string? TrackingCode, string? Category, DateOnly ReceivedOn, DateOnly? AnsweredOn, bool RaisedInPeriod,
    bool AnsweredInPeriod, OpinionStatus OpinionStatus, string Summary, string? Answer, bool SummaryEdited, bool Excluded, string? ExcludedReason);

public sealed record StationNoticeDto(
    Guid Id, Guid StationId, string StationName, DateOnly PeriodStart, DateOnly PeriodEnd, StationNoticeStatus Status, int ConfidentialCount,
    DateTime UpdatedAtUtc, DateTime? PublishedAtUtc, string? PublishedByName, DateTime? WithdrawnAtUtc, string? WithdrawnReason,
    IReadOnlyList<StationNoticeItemDto> Items);

/// <summary>What one run of the notice job did for a cut-off in one tenant.</summary>
/// <param name="Created">New notices (drafts, or published when the run publishes directly).</param>
/// <param name="Refreshed">Drafts compiled again.</param>
/// <param name="Published">Notices this run published.</param>
/// <param name="Unchanged">Notices of the cut-off already published or withdrawn, left as they are.</param>
public sealed record StationNoticeRunDto(DateOnly CutOff, int Created, int Refreshed, int Published, int Unchanged);

/// <summary>What the notice use cases share: the notice in scope and its items as staff see them.</summary>
internal static class NoticeAccess
{
    public static NotFoundException NotFound() => NotFoundException.For("月度公示", "notice");

    public static NotFoundException ItemNotFound() =>
        new("stations.notice_item_not_found", Text.Of("未找到该公示事项。", "Notice item not found."));

    /// <summary>The notice in the active scope (tenant filters apply: a sibling street's notice is not found).</summary>
    public static async Task<StationNotice> FindAsync(StationsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.StationNotices.SingleOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw NotFound();

    public static async Task<StationNoticeDto> BuildAsync(StationsDbContext db, StationNotice notice, CancellationToken cancellationToken)
    {
        var items = await db.StationNoticeItems.AsNoTracking().Where(i => i.NoticeId == notice.Id).ToListAsync(cancellationToken);
        var opinionIds = items.Select(i => i.OpinionId).ToList();
        var codes = await db.Opinions.AsNoTracking().Where(o => opinionIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.TrackingCode, cancellationToken);
        return new StationNoticeDto(notice.Id, notice.StationId, notice.StationName, notice.PeriodStart, notice.PeriodEnd, notice.Status,
            notice.ConfidentialCount, notice.UpdatedAtUtc, notice.PublishedAtUtc, notice.PublishedByName, notice.WithdrawnAtUtc,
            notice.WithdrawnReason,
            Order(items).Select(i => new StationNoticeItemDto(i.Id, i.OpinionId, codes.GetValueOrDefault(i.OpinionId), i.Category, i.ReceivedOn,
                i.AnsweredOn, i.RaisedInPeriod, i.AnsweredInPeriod, i.OpinionStatus, i.Summary, i.Answer, i.SummaryEdited, i.Excluded,
                i.ExcludedReason)).ToList());
    }

    /// <summary>A staff change to one item of a draft notice, saved, and the notice as it is now.</summary>
    public static async Task<StationNoticeDto> ChangeItemAsync(StationsDbContext db, TimeProvider clock, Guid noticeId, Guid itemId,
        Action<StationNoticeItem> change, CancellationToken cancellationToken)
    {
        var notice = await FindAsync(db, noticeId, cancellationToken);
        var item = await db.StationNoticeItems.SingleOrDefaultAsync(i => i.Id == itemId && i.NoticeId == notice.Id, cancellationToken)
            ?? throw ItemNotFound();
        notice.Touch(clock.GetUtcNow().UtcDateTime);
        change(item);
        await db.SaveChangesAsync(cancellationToken);
        return await BuildAsync(db, notice, cancellationToken);
    }

    /// <summary>Oldest received first, then by id: the order of the notice board.</summary>
    public static IEnumerable<StationNoticeItem> Order(IEnumerable<StationNoticeItem> items) =>
        items.OrderBy(i => i.ReceivedOn).ThenBy(i => i.OpinionId);
}
