using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Points;

/// <summary>A deputy's points in a period: the total and the points per kind of duty, after the caps.</summary>
internal sealed record DeputyPoints(Guid DeputyId, int Total, IReadOnlyDictionary<DutyKind, int> ByKind);

/// <summary>The policy revision a calculation used for one tenant (revision 0: the tenant had no policy that year, the default rules applied).</summary>
internal sealed record PolicyUsed(Guid TenantId, int Year, int Revision);

/// <summary>Points of a period and the policy revisions they were computed with.</summary>
internal sealed record PointsPeriod(IReadOnlyList<DeputyPoints> Deputies, IReadOnlyList<PolicyUsed> Policies);

/// <summary>
/// Duty points (履职积分) as the policies say: every record that counts (attended, not withdrawn, not corrected by a
/// later record) earns the points of its kind under the policy of the tenant where it took place, for that year;
/// a kind's points in one tenant and quarter stop at the rule's cap. Reads only the records visible in the active
/// scope (a street its own, the district every street's). The one place other code gets points from.
/// </summary>
internal interface IDutyPoints
{
    /// <param name="year">The year (Beijing calendar).</param>
    /// <param name="quarter">1–4 for one quarter, or null for the whole year.</param>
    /// <param name="deputyIds">Only these deputies, or null for every deputy with records in scope.</param>
    Task<IReadOnlyList<DeputyPoints>> ForPeriodAsync(int year, int? quarter, IReadOnlyCollection<Guid>? deputyIds, CancellationToken cancellationToken);

    /// <summary>As <see cref="ForPeriodAsync"/>, with the policy revisions used; <paramref name="tenantId"/> keeps only records made in that tenant.</summary>
    Task<PointsPeriod> ComputeAsync(int year, int? quarter, IReadOnlyCollection<Guid>? deputyIds, Guid? tenantId, CancellationToken cancellationToken);

    /// <summary>The rules a tenant's records of a year earn points by: its policy, or the default rules (revision 0).</summary>
    Task<RuleSet> RulesAsync(Guid tenantId, int year, CancellationToken cancellationToken);

    /// <summary>The policy revision each of these tenants uses for the year (0: the default rules).</summary>
    Task<IReadOnlyList<PolicyUsed>> PoliciesAsync(int year, IReadOnlyCollection<Guid> tenantIds, CancellationToken cancellationToken);
}

/// <summary>
/// Reads <see cref="DutyTotal"/> (counts per deputy, tenant, year, quarter and kind, kept in step with the archive)
/// and the year's policies; never the records themselves.
/// </summary>
internal sealed class DutyPointsCalculator(DeputiesDbContext db) : IDutyPoints
{
    public async Task<IReadOnlyList<DeputyPoints>> ForPeriodAsync(int year, int? quarter, IReadOnlyCollection<Guid>? deputyIds, CancellationToken cancellationToken) =>
        (await ComputeAsync(year, quarter, deputyIds, tenantId: null, cancellationToken)).Deputies;

    public async Task<PointsPeriod> ComputeAsync(int year, int? quarter, IReadOnlyCollection<Guid>? deputyIds, Guid? tenantId, CancellationToken cancellationToken)
    {
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter));
        }
        var totals = db.DutyTotals.AsNoTracking().Where(t => t.Year == year && t.Count > 0);
        if (quarter is { } q)
        {
            totals = totals.Where(t => t.Quarter == q);
        }
        if (tenantId is { } tenant)
        {
            totals = totals.Where(t => t.TenantId == tenant);
        }
        if (deputyIds is not null)
        {
            totals = totals.Where(t => deputyIds.Contains(t.DeputyId));
        }
        // The caps are already applied per tenant, quarter and kind in each row: the database only adds up.
        var rows = await totals
            .GroupBy(t => new { t.DeputyId, t.Kind })
            .Select(g => new { g.Key.DeputyId, g.Key.Kind, Points = g.Sum(t => t.Points) })
            .ToListAsync(cancellationToken);
        var tenantIds = await totals.Select(t => t.TenantId).Distinct().ToListAsync(cancellationToken);

        var deputies = rows.GroupBy(r => r.DeputyId)
            .Select(g =>
            {
                var byKind = g.ToDictionary(r => r.Kind, r => r.Points);
                return new DeputyPoints(g.Key, byKind.Values.Sum(), byKind);
            })
            .ToList();
        return new PointsPeriod(deputies, await PoliciesAsync(year, tenantIds, cancellationToken));
    }

    public async Task<RuleSet> RulesAsync(Guid tenantId, int year, CancellationToken cancellationToken)
    {
        var (sets, fallback) = await RuleSetsAsync(year, [tenantId], cancellationToken);
        return sets.GetValueOrDefault(tenantId, fallback);
    }

    public async Task<IReadOnlyList<PolicyUsed>> PoliciesAsync(int year, IReadOnlyCollection<Guid> tenantIds, CancellationToken cancellationToken)
    {
        var (sets, fallback) = await RuleSetsAsync(year, tenantIds, cancellationToken);
        return tenantIds.Distinct().Select(t => new PolicyUsed(t, year, sets.GetValueOrDefault(t, fallback).Revision)).OrderBy(p => p.TenantId).ToList();
    }

    private async Task<(Dictionary<Guid, RuleSet> Sets, RuleSet Fallback)> RuleSetsAsync(int year, IReadOnlyCollection<Guid> tenantIds, CancellationToken cancellationToken)
    {
        // The policies of the tenants whose records count here, whichever scope reads them (a record's tenant decides).
        var policies = await db.PointsPolicies.AsNoTracking().IgnoreQueryFilters()
            .Where(p => p.Year == year && tenantIds.Contains(p.TenantId))
            .ToListAsync(cancellationToken);
        var sets = policies.ToDictionary(p => p.TenantId, p => new RuleSet(p.Revision, p.Rules.ToDictionary(r => r.Kind, r => (r.Points, r.QuarterCap))));
        var fallback = new RuleSet(0, PointsPolicy.CreateDefault(year, DateTime.UnixEpoch).Rules.ToDictionary(r => r.Kind, r => (r.Points, r.QuarterCap)));
        return (sets, fallback);
    }
}
