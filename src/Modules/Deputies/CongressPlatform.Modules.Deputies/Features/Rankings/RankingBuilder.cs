using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Deputies.Points;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.Rankings;

public sealed record KindPointsDto(DutyKind Kind, int Points);

/// <summary>The policy revision a ranking used for a tenant; revision 0 means the tenant had no policy that year and the default rules applied.</summary>
public sealed record PolicyUsedDto(Guid TenantId, string TenantName, int Year, int Revision);

public sealed record RankingEntryDto(int Rank, Guid DeputyId, string Name, string TenantName, string? GroupName, int Total, IReadOnlyList<KindPointsDto> ByKind);

public sealed record RankingDto(int Year, int? Quarter, int Count, IReadOnlyList<PolicyUsedDto> Policies, IReadOnlyList<RankingEntryDto> Entries);

public sealed record GroupRankingEntryDto(int Rank, Guid GroupId, string Name, string TenantName, int MemberCount, int TotalPoints, decimal AveragePoints);

/// <summary>
/// Builds rankings for the active scope — a street's own deputies, or every street's for the district supervisor —
/// from <see cref="IDutyPoints"/>: serving deputies with no points are ranked too (0 points), ties share a rank.
/// </summary>
internal sealed class RankingBuilder(DeputiesDbContext db, IDutyPoints points, ITenantDirectory tenants, RankingCache cache)
{
    /// <summary>The ranking as <see cref="BuildAsync"/> computes it, from the cache when the scope, period and filter were asked for since the last change.</summary>
    public Task<RankingDto> DeputiesAsync(int year, int? quarter, Guid? tenantId, Guid? groupId, CancellationToken cancellationToken)
    {
        var scope = db.TenantScope;
        var key = ("deputies", scope.IsSystem, scope.IsResolved ? scope.TenantId : Guid.Empty, scope.SupervisesSubtree, year, quarter, tenantId, groupId);
        return cache.GetOrCreateAsync(key, () => BuildAsync(year, quarter, tenantId, groupId, CancellationToken.None));
    }

    private async Task<RankingDto> BuildAsync(int year, int? quarter, Guid? tenantId, Guid? groupId, CancellationToken cancellationToken)
    {
        var seats = db.Seats.AsNoTracking().Where(s => s.Status == SeatStatus.Serving);
        if (tenantId is { } t)
        {
            seats = seats.Where(s => s.TenantId == t);
        }
        var population = await (from s in seats
                                 join d in db.Deputies on s.DeputyId equals d.Id
                                 select new { d.Id, d.Name, s.TenantId }).ToListAsync(cancellationToken);
        var groups = await GroupOfAsync(cancellationToken);
        if (groupId is { } g)
        {
            var members = groups.Where(x => x.Value.Id == g).Select(x => x.Key).ToHashSet();
            if (members.Count == 0 && !await db.Groups.AnyAsync(x => x.Id == g, cancellationToken))
            {
                throw NotFoundException.For("代表小组", "deputy group");
            }
            population = population.Where(p => members.Contains(p.Id)).ToList();
        }
        var period = await points.ComputeAsync(year, quarter, null, tenantId, cancellationToken);
        var byDeputy = period.Deputies.ToDictionary(p => p.DeputyId);
        // Every tenant of the ranking names its rules: those with records, and those whose deputies have none yet.
        var used = period.Policies.Concat(await points.PoliciesAsync(year,
                population.Select(p => p.TenantId).Except(period.Policies.Select(p => p.TenantId)).ToList(), cancellationToken))
            .OrderBy(p => p.TenantId).ToList();
        var names = await tenants.NamesAsync(population.Select(p => p.TenantId).Concat(used.Select(p => p.TenantId)), cancellationToken);

        var people = population.GroupBy(p => p.Id).Select(x => new
        {
            Id = x.Key,
            x.First().Name,
            Tenants = string.Join("、", x.Select(p => names[p.TenantId]).Distinct().Order(StringComparer.Ordinal)),
            Points = byDeputy.GetValueOrDefault(x.Key),
        }).ToList();
        var ranked = PointsMath.Rank(people, p => p.Points?.Total ?? 0, p => p.Name, p => p.Id);
        var entries = ranked.Select(r => new RankingEntryDto(r.Rank, r.Item.Id, r.Item.Name, r.Item.Tenants,
            groups.TryGetValue(r.Item.Id, out var group) ? group.Name : null, r.Item.Points?.Total ?? 0,
            r.Item.Points is null ? [] : r.Item.Points.ByKind.OrderBy(k => k.Key).Select(k => new KindPointsDto(k.Key, k.Value)).ToList())).ToList();
        var policies = used.Select(p => new PolicyUsedDto(p.TenantId, names[p.TenantId], p.Year, p.Revision)).ToList();
        return new RankingDto(year, quarter, entries.Count, policies, entries);
    }

    public async Task<IReadOnlyList<GroupRankingEntryDto>> GroupsAsync(int year, int? quarter, CancellationToken cancellationToken)
    {
        var groups = await db.Groups.AsNoTracking().ToListAsync(cancellationToken);
        var period = await points.ComputeAsync(year, quarter, null, null, cancellationToken);
        var totals = period.Deputies.ToDictionary(p => p.DeputyId, p => p.Total);
        var names = await tenants.NamesAsync(groups.Select(g => g.TenantId), cancellationToken);
        var rows = groups.Select(g =>
        {
            var sum = g.Members.Sum(m => totals.GetValueOrDefault(m.DeputyId));
            var average = g.Members.Count == 0 ? 0m : Math.Round((decimal)sum / g.Members.Count, 2, MidpointRounding.AwayFromZero);
            return (Group: g, Sum: sum, Average: average);
        }).ToList();
        return PointsMath.Rank(rows, r => r.Average, r => r.Group.Name, r => r.Group.Id)
            .Select(r => new GroupRankingEntryDto(r.Rank, r.Item.Group.Id, r.Item.Group.Name, names[r.Item.Group.TenantId],
                r.Item.Group.Members.Count, r.Item.Sum, r.Item.Average))
            .ToList();
    }

    /// <summary>Each deputy's group in the active scope (a deputy is in at most one group per tenant; across tenants the first by name).</summary>
    private async Task<Dictionary<Guid, (Guid Id, string Name)>> GroupOfAsync(CancellationToken cancellationToken)
    {
        var groups = await db.Groups.AsNoTracking().ToListAsync(cancellationToken);
        var rows = groups.SelectMany(g => g.Members.Select(m => new { m.DeputyId, g.Id, g.Name }));
        return rows.GroupBy(r => r.DeputyId)
            .ToDictionary(x => x.Key, x => x.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => (r.Id, r.Name)).First());
    }
}
