using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Notices;

/// <summary>The monthly notices in scope (latest cut-off first), by station, status and cut-off range.</summary>
[RequiresPermission(StationsPermissions.NoticesRead)]
public sealed record ListStationNoticesQuery(Guid? StationId, StationNoticeStatus? Status, DateOnly? From, DateOnly? To, int? Page, int? PageSize)
    : IQuery<PagedResult<StationNoticeListItemDto>>;

internal sealed class ListStationNoticesQueryValidator : AbstractValidator<ListStationNoticesQuery>
{
    public ListStationNoticesQueryValidator()
    {
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).When(q => q.PageSize.HasValue);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From.HasValue && q.To.HasValue)
            .WithMessage(_ => Text.Of("结束日期不能早于开始日期。", "The end date cannot be before the start date."));
    }
}

internal sealed class ListStationNoticesQueryHandler(StationsDbContext db)
    : IRequestHandler<ListStationNoticesQuery, PagedResult<StationNoticeListItemDto>>
{
    public async Task<PagedResult<StationNoticeListItemDto>> Handle(ListStationNoticesQuery request, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(request.Page, request.PageSize);
        var notices = db.StationNotices.AsNoTracking();
        if (request.StationId is { } station)
        {
            notices = notices.Where(n => n.StationId == station);
        }
        if (request.Status is { } status)
        {
            notices = notices.Where(n => n.Status == status);
        }
        if (request.From is { } from)
        {
            notices = notices.Where(n => n.PeriodEnd >= from);
        }
        if (request.To is { } to)
        {
            notices = notices.Where(n => n.PeriodEnd <= to);
        }
        var total = await notices.CountAsync(cancellationToken);
        var rows = await notices.OrderByDescending(n => n.PeriodEnd).ThenBy(n => n.StationName).ThenBy(n => n.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(n => new StationNoticeListItemDto(n.Id, n.StationId, n.StationName, n.PeriodStart, n.PeriodEnd, n.Status,
                db.StationNoticeItems.Count(i => i.NoticeId == n.Id),
                db.StationNoticeItems.Count(i => i.NoticeId == n.Id && i.Excluded),
                n.ConfidentialCount, n.PublishedAtUtc, n.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        return new PagedResult<StationNoticeListItemDto>(rows, total, page, size);
    }
}

/// <summary>A notice with its items, for review.</summary>
[RequiresPermission(StationsPermissions.NoticesRead)]
public sealed record GetStationNoticeQuery(Guid Id) : IQuery<StationNoticeDto>;

internal sealed class GetStationNoticeQueryHandler(StationsDbContext db) : IRequestHandler<GetStationNoticeQuery, StationNoticeDto>
{
    public async Task<StationNoticeDto> Handle(GetStationNoticeQuery request, CancellationToken cancellationToken) =>
        await NoticeAccess.BuildAsync(db, await NoticeAccess.FindAsync(db, request.Id, cancellationToken), cancellationToken);
}
