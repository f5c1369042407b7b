using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Points;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Deputies.Features.Rankings;

/// <summary>
/// The duty-points ranking (履职积分排名) of a year, or one quarter, in the active scope: a street's deputies, or the
/// whole district for its supervisor; narrowed to one tenant of the subtree or to one group. With <c>Page</c> (and
/// <c>PageSize</c>, default 50) only that page of entries is returned; with <c>DeputyId</c> only that deputy's entry.
/// <c>Count</c> is always the number of deputies ranked.
/// </summary>
[RequiresPermission(DeputiesPermissions.RankingsRead)]
public sealed record GetRankingQuery(int Year, int? Quarter, Guid? TenantId, Guid? GroupId, int? Page = null, int? PageSize = null, Guid? DeputyId = null)
    : IQuery<RankingDto>;

internal sealed class GetRankingQueryValidator : AbstractValidator<GetRankingQuery>
{
    public GetRankingQueryValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
        RuleFor(q => q.Quarter).InclusiveBetween(1, 4).When(q => q.Quarter.HasValue);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page.HasValue);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 500).When(q => q.PageSize.HasValue);
    }
}

internal sealed class GetRankingQueryHandler(RankingBuilder rankings) : IRequestHandler<GetRankingQuery, RankingDto>
{
    public async Task<RankingDto> Handle(GetRankingQuery request, CancellationToken cancellationToken)
    {
        var ranking = await rankings.DeputiesAsync(request.Year, request.Quarter, request.TenantId, request.GroupId, cancellationToken);
        if (request.DeputyId is { } deputyId)
        {
            return ranking with { Entries = ranking.Entries.Where(e => e.DeputyId == deputyId).ToList() };
        }
        if (request.Page is { } page)
        {
            var size = request.PageSize ?? 50;
            return ranking with { Entries = ranking.Entries.Skip((page - 1) * size).Take(size).ToList() };
        }
        return ranking;
    }
}

/// <summary>Deputy groups ranked by their members' average points (先进代表小组 is chosen from the top).</summary>
[RequiresPermission(DeputiesPermissions.RankingsRead)]
public sealed record GetGroupRankingQuery(int Year, int? Quarter) : IQuery<IReadOnlyList<GroupRankingEntryDto>>;

internal sealed class GetGroupRankingQueryValidator : AbstractValidator<GetGroupRankingQuery>
{
    public GetGroupRankingQueryValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
        RuleFor(q => q.Quarter).InclusiveBetween(1, 4).When(q => q.Quarter.HasValue);
    }
}

internal sealed class GetGroupRankingQueryHandler(RankingBuilder rankings) : IRequestHandler<GetGroupRankingQuery, IReadOnlyList<GroupRankingEntryDto>>
{
    public Task<IReadOnlyList<GroupRankingEntryDto>> Handle(GetGroupRankingQuery request, CancellationToken cancellationToken) =>
        rankings.GroupsAsync(request.Year, request.Quarter, cancellationToken);
}

public sealed record ShortlistDto(int Year, IReadOnlyList<PolicyUsedDto> Policies, IReadOnlyList<RankingEntryDto> Deputies, IReadOnlyList<GroupRankingEntryDto> Groups);

/// <summary>
/// The awards shortlist of a year: 优秀代表 — the top <c>Top</c> places or the top <c>Percent</c>% (default 10%),
/// everyone tied with the last place included; 先进代表小组 — the top <c>GroupTop</c> groups (default 1) by average points.
/// </summary>
[RequiresPermission(DeputiesPermissions.RankingsRead)]
public sealed record GetAwardsShortlistQuery(int Year, int? Top, decimal? Percent, int? GroupTop) : IQuery<ShortlistDto>;

internal sealed class GetAwardsShortlistQueryValidator : AbstractValidator<GetAwardsShortlistQuery>
{
    public GetAwardsShortlistQueryValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
        RuleFor(q => q.Top).InclusiveBetween(1, 1000).When(q => q.Top.HasValue);
        RuleFor(q => q.Percent).GreaterThan(0).LessThanOrEqualTo(100).When(q => q.Percent.HasValue);
        RuleFor(q => q).Must(q => q.Top is null || q.Percent is null)
            .WithMessage(_ => Text.Of("名额和比例只能选择其一。", "Give either a number of places or a percentage, not both."));
        RuleFor(q => q.GroupTop).InclusiveBetween(1, 100).When(q => q.GroupTop.HasValue);
    }
}

internal sealed class GetAwardsShortlistQueryHandler(RankingBuilder rankings) : IRequestHandler<GetAwardsShortlistQuery, ShortlistDto>
{
    public async Task<ShortlistDto> Handle(GetAwardsShortlistQuery request, CancellationToken cancellationToken)
    {
        var ranking = await rankings.DeputiesAsync(request.Year, null, null, null, cancellationToken);
        var deputies = PointsMath.Shortlist(ranking.Entries.Select(e => new Ranked<RankingEntryDto>(e.Rank, e)).ToList(), request.Top, request.Percent)
            .Select(r => r.Item).ToList();
        var groupRanking = await rankings.GroupsAsync(request.Year, null, cancellationToken);
        var groups = PointsMath.Shortlist(groupRanking.Select(g => new Ranked<GroupRankingEntryDto>(g.Rank, g)).ToList(), request.GroupTop ?? 1, null)
            .Select(r => r.Item).ToList();
        return new ShortlistDto(request.Year, ranking.Policies, deputies, groups);
    }
}
