using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Rankings;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.ListDeputies;

/// <summary>
/// The registry: deputies with a seat in the active tenant (its subtree for a supervisor), searched by name or mobile digits,
/// narrowed by a seat's level, status and term, by group, by the station the deputy is assigned to (asked of Stations),
/// and by a band of duty points in a year (this year unless given), a page at a time, by name.
/// </summary>
[RequiresPermission(DeputiesPermissions.DeputiesRead)]
public sealed record ListDeputiesQuery(
    string? Search, SeatLevel? Level, SeatStatus? Status, int? Term, int? Page, int? PageSize,
    Guid? GroupId = null, int? PointsYear = null, int? MinPoints = null, int? MaxPoints = null, Guid? StationId = null)
    : IQuery<PagedResult<DeputyListItemDto>>
{
    internal DeputyListFilter FilterIn(int thisYear, IReadOnlyCollection<Guid>? stationDeputies) =>
        new(Search, Level, Status, Term, GroupId, PointsYear ?? thisYear, MinPoints, MaxPoints, stationDeputies);
}

internal sealed class ListDeputiesQueryValidator : AbstractValidator<ListDeputiesQuery>
{
    public ListDeputiesQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(50).WithName(_ => Text.Of("搜索", "Search"));
        RuleFor(q => q.Level).IsInEnum();
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Term).InclusiveBetween(1, 99).When(q => q.Term.HasValue).WithName(_ => Text.Of("届次", "Term"));
        RuleFor(q => q.PointsYear).InclusiveBetween(2000, 2100).When(q => q.PointsYear.HasValue).WithName(_ => Text.Of("积分年度", "Points year"));
        RuleFor(q => q.MinPoints).GreaterThanOrEqualTo(0).When(q => q.MinPoints.HasValue).WithName(_ => Text.Of("最低积分", "Minimum points"));
        RuleFor(q => q.MaxPoints).GreaterThanOrEqualTo(q => q.MinPoints ?? 0).When(q => q.MaxPoints.HasValue)
            .WithMessage(_ => Text.Of("最高积分不能低于最低积分。", "The maximum points cannot be below the minimum."));
        RuleFor(q => q.Page).GreaterThan(0).When(q => q.Page.HasValue);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).When(q => q.PageSize.HasValue);
    }
}

internal sealed class ListDeputiesQueryHandler(DeputiesDbContext db, ITenantDirectory directory, TimeProvider clock, IMediator sender, RankingCache cache)
    : IRequestHandler<ListDeputiesQuery, PagedResult<DeputyListItemDto>>
{
    public async Task<PagedResult<DeputyListItemDto>> Handle(ListDeputiesQuery request, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(request.Page, request.PageSize);
        // A station's deputies come from Stations (its tenant filters apply there: a station this scope cannot see has none).
        var stationDeputies = request.StationId is { } stationId ? await sender.Send(new GetStationDeputyIdsQuery(stationId), cancellationToken) : null;
        var filter = request.FilterIn(ChinaTime.Today(clock).Year, stationDeputies);
        var skip = (page - 1) * size;
        Task<List<RegistryQueries.PageRow>> ReadPage(CancellationToken ct) => RegistryQueries.PageRowsAsync(RegistryQueries.Visible(db, filter), skip, size, ct);

        int total;
        List<RegistryQueries.PageRow> rows;
        if (KeyOf(filter) is { } key)
        {
            // One after the other: the two share the scope's DbContext.
            total = (await cache.GetOrCreateAsync(key, async () => new Count(await RegistryQueries.CountAsync(db, filter, CancellationToken.None)))).Value;
            rows = (await cache.GetOrCreateAsync(new PageKey(key, page, size), async () => new Page(await ReadPage(CancellationToken.None)))).Rows;
        }
        else
        {
            total = await RegistryQueries.CountAsync(db, filter, cancellationToken);
            rows = await ReadPage(cancellationToken);
        }
        return new PagedResult<DeputyListItemDto>(await RegistryQueries.ToItemsAsync(directory, rows, cancellationToken), total, page, size);
    }

    /// <summary>
    /// The count reads every matching seat of the scope (all of them for the district's supervisor), and the registry is
    /// read far more often than it changes: so the count and each page are kept per scope and filter until this module's
    /// next saved change (another node's change shows within <see cref="RankingCache.Lifetime"/>), like the rankings.
    /// Pages are kept as read (tenants by id, the mobile unmasked): names and masking are applied per request.
    /// A search, or a station's deputies (Stations' data, which no change here invalidates), is read every time (null).
    /// </summary>
    private ListKey? KeyOf(DeputyListFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Search) || filter.DeputyIds is not null)
        {
            return null;
        }
        var scope = db.TenantScope;
        return new ListKey(scope.IsSystem, scope.IsResolved ? scope.TenantId : Guid.Empty, scope.IsResolved ? scope.TenantPath : string.Empty,
            scope.SupervisesSubtree, filter.Level, filter.Status, filter.Term, filter.GroupId,
            filter.HasPointsBand ? filter.PointsYear : null, filter.MinPoints, filter.MaxPoints);
    }

    /// <summary>Everything the list depends on: the scope as the tenant filters read it, and every seat, group and points condition.</summary>
    private sealed record ListKey(
        bool System, Guid TenantId, string TenantPath, bool Supervises, SeatLevel? Level, SeatStatus? Status, int? Term, Guid? GroupId,
        int? PointsYear, int? MinPoints, int? MaxPoints);

    private sealed record PageKey(ListKey List, int Page, int Size);

    private sealed record Count(int Value);

    private sealed record Page(List<RegistryQueries.PageRow> Rows);
}
