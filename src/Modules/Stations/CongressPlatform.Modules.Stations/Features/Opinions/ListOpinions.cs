using CongressPlatform.BuildingBlocks.Calendar;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Opinions;

public sealed record OpinionListItemDto(
    Guid Id, string TrackingCode, OpinionChannel Channel, OpinionStatus Status, Guid? StationId, string? StationName, string? DeputyName,
    string Excerpt, string? Category, string? Community, bool Confidential, DateOnly ReceivedOn, string? HandlingUnitName, DateOnly? DueOn,
    OpinionSla Sla, int? WorkingDaysLeft);

/// <summary>The opinion inbox (newest first) with its filters; "overdue" means referred and past the due date.</summary>
[RequiresPermission(StationsPermissions.OpinionsRead)]
public sealed record ListOpinionsQuery(
    OpinionStatus? Status, Guid? StationId, string? Category, OpinionChannel? Channel, bool? Overdue, int? Page, int? PageSize)
    : IQuery<PagedResult<OpinionListItemDto>>;

internal sealed class ListOpinionsQueryValidator : AbstractValidator<ListOpinionsQuery>
{
    public ListOpinionsQueryValidator()
    {
        RuleFor(q => q.Category).MaximumLength(50);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).When(q => q.PageSize.HasValue);
    }
}

internal sealed class ListOpinionsQueryHandler(StationsDbContext db, IWorkingCalendar calendar, TimeProvider clock)
    : IRequestHandler<ListOpinionsQuery, PagedResult<OpinionListItemDto>>
{
    public async Task<PagedResult<OpinionListItemDto>> Handle(ListOpinionsQuery request, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(request.Page, request.PageSize);
        var today = ChinaTime.Today(clock);
        var opinions = db.Opinions.AsNoTracking();
        if (request.Status is { } status)
        {
            opinions = opinions.Where(o => o.Status == status);
        }
        if (request.StationId is { } station)
        {
            opinions = opinions.Where(o => o.StationId == station);
        }
        if (!string.IsNullOrWhiteSpace(request.Category))
        {
            opinions = opinions.Where(o => o.Category == request.Category.Trim());
        }
        if (request.Channel is { } channel)
        {
            opinions = opinions.Where(o => o.Channel == channel);
        }
        if (request.Overdue == true)
        {
            opinions = opinions.Where(o => o.Status == OpinionStatus.Referred && o.DueOn < today);
        }
        var total = await opinions.CountAsync(cancellationToken);
        var rows = await opinions.OrderByDescending(o => o.SubmittedAtUtc).ThenBy(o => o.Id).Skip((page - 1) * size).Take(size)
            .Select(o => new
            {
                o.Id, o.TrackingCode, o.Channel, o.Status, o.StationId,
                StationName = db.Stations.Where(s => s.Id == o.StationId).Select(s => s.Name).FirstOrDefault(),
                o.DeputyName, o.Content, o.Category, o.Community, o.Confidential, o.ReceivedOn, o.HandlingUnitName, o.DueOn,
            })
            .ToListAsync(cancellationToken);
        var items = new List<OpinionListItemDto>(rows.Count);
        foreach (var r in rows)
        {
            var (sla, left) = await OpinionWorkflow.SlaAsync(calendar, r.Status, r.DueOn, today, cancellationToken);
            items.Add(new OpinionListItemDto(r.Id, r.TrackingCode, r.Channel, r.Status, r.StationId, r.StationName, r.DeputyName,
                r.Content.Length > 60 ? r.Content[..60] + "…" : r.Content, r.Category, r.Community, r.Confidential, r.ReceivedOn,
                r.HandlingUnitName, r.DueOn, sla, left));
        }
        return new PagedResult<OpinionListItemDto>(items, total, page, size);
    }
}
