using CongressPlatform.BuildingBlocks.Calendar;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Opinions;

public sealed record OpinionEventDto(string Kind, string ActorName, string? Note, DateTime AtUtc);

public sealed record OpinionDuplicateHintDto(Guid Id, string TrackingCode, string Excerpt, DateOnly ReceivedOn, OpinionStatus Status, double Score);

public sealed record OpinionDetailDto(
    Guid Id, string TrackingCode, OpinionChannel Channel, OpinionStatus Status, Guid? StationId, string? StationName, Guid? DeputyId,
    string? DeputyName, string Content, string? Category, string? Community, bool Confidential, bool Anonymous, string? ContactName,
    string? ContactPhone, DateTime SubmittedAtUtc, DateOnly ReceivedOn, Guid? HandlingUnitId, string? HandlingUnitName, DateTime? ReferredAtUtc,
    DateOnly? DueOn, OpinionSla Sla, int? WorkingDaysLeft, string? Answer, DateTime? AnsweredAtUtc, string? AnsweredByName, string? Feedback,
    DateTime? FedBackAtUtc, OpinionRating? Rating, Guid? DuplicateOfId, int PhotoCount, IReadOnlyList<OpinionPhotoDto> Photos, IReadOnlyList<OpinionEventDto> History,
    IReadOnlyList<OpinionDuplicateHintDto> DuplicateHints, IReadOnlyList<string> Categories);

/// <summary>
/// One opinion with its history, its photos (read from <c>photos/{photoId}</c>) and duplicate hints (same station, similar text, the 30 days before it). The resident's
/// contact only for those who feed back (manage); deputies and others read the rest.
/// </summary>
[RequiresPermission(StationsPermissions.OpinionsRead)]
public sealed record GetOpinionQuery(Guid Id) : IQuery<OpinionDetailDto>;

internal sealed class GetOpinionQueryHandler(StationsDbContext db, ICurrentUser user, IWorkingCalendar calendar, TimeProvider clock)
    : IRequestHandler<GetOpinionQuery, OpinionDetailDto>
{
    public const int DuplicateWindowDays = 30;

    public async Task<OpinionDetailDto> Handle(GetOpinionQuery request, CancellationToken cancellationToken)
    {
        var o = await db.Opinions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken) ?? throw OpinionWorkflow.NotFound();
        return await OpinionDetails.BuildAsync(db, o, user.HasPermission(StationsPermissions.OpinionsManage), calendar, clock, cancellationToken);
    }
}

internal static class OpinionDetails
{
    public static async Task<OpinionDetailDto> BuildAsync(StationsDbContext db, Opinion o, bool showContact, IWorkingCalendar calendar,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var station = o.StationId is { } sid
            ? await db.Stations.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == sid).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var history = await db.OpinionEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.OpinionId == o.Id)
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
            .Select(e => new OpinionEventDto(e.Kind, e.ActorName, e.Note, e.AtUtc)).ToListAsync(cancellationToken);
        var photos = await OpinionPhotoFiles.ListAsync(db, o.Id, cancellationToken);
        var hints = await DuplicateHintsAsync(db, o, cancellationToken);
        var (sla, left) = await OpinionWorkflow.SlaAsync(calendar, o.Status, o.DueOn, ChinaTime.Today(clock), cancellationToken);
        return new OpinionDetailDto(o.Id, o.TrackingCode, o.Channel, o.Status, o.StationId, station, o.DeputyId, o.DeputyName, o.Content,
            o.Category, o.Community, o.Confidential, o.Anonymous, showContact ? o.ContactName : null, showContact ? o.ContactPhone : null,
            o.SubmittedAtUtc, o.ReceivedOn, o.HandlingUnitId, o.HandlingUnitName, o.ReferredAtUtc, o.DueOn, sla, left, o.Answer,
            o.AnsweredAtUtc, o.AnsweredByName, o.Feedback, o.FedBackAtUtc, o.Rating, o.DuplicateOfId, photos.Count, photos, history, hints,
            OpinionWorkflow.Categories);
    }

    private static async Task<IReadOnlyList<OpinionDuplicateHintDto>> DuplicateHintsAsync(StationsDbContext db, Opinion o, CancellationToken cancellationToken)
    {
        if (o.StationId is null || o.Status != OpinionStatus.Received)
        {
            return [];
        }
        var since = o.ReceivedOn.AddDays(-GetOpinionQueryHandler.DuplicateWindowDays);
        var candidates = await db.Opinions.AsNoTracking()
            .Where(x => x.StationId == o.StationId && x.Id != o.Id && x.ReceivedOn >= since && x.ReceivedOn <= o.ReceivedOn && x.DuplicateOfId == null)
            .OrderByDescending(x => x.SubmittedAtUtc).Take(200)
            .Select(x => new { x.Id, x.TrackingCode, x.Content, x.ReceivedOn, x.Status })
            .ToListAsync(cancellationToken);
        return candidates
            .Select(x => (x, Score: OpinionSimilarity.Score(o.Content, x.Content)))
            .Where(p => p.Score >= OpinionSimilarity.Threshold)
            .OrderByDescending(p => p.Score).Take(5)
            .Select(p => new OpinionDuplicateHintDto(p.x.Id, p.x.TrackingCode, p.x.Content.Length > 60 ? p.x.Content[..60] + "…" : p.x.Content,
                p.x.ReceivedOn, p.x.Status, Math.Round(p.Score, 2)))
            .ToList();
    }
}
