using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Points;

/// <summary>A deputy's points in a period: the total and the points per kind of duty, after the caps.</summary>
internal sealed record DeputyPoints(Guid DeputyId, int Total, IReadOnlyDictionary<DutyKind, int> ByKind);

/// <summary>
/// Duty points (履职积分) as the policies say: every record that counts (attended, not withdrawn, not corrected by a
/// later record) earns the points of its kind under the policy of the tenant where it took place, for that year;
/// a kind's points in one tenant and quarter stop at the rule's cap. Reads only the records visible in the active
/// scope (a street its own, the district every street's).
/// </summary>
internal interface IDutyPoints
{
    /// <param name="year">The year (Beijing calendar).</param>
    /// <param name="quarter">1–4 for one quarter, or null for the whole year.</param>
    /// <param name="deputyIds">Only these deputies, or null for every deputy with records in scope.</param>
    Task<IReadOnlyList<DeputyPoints>> ForPeriodAsync(int year, int? quarter, IReadOnlyCollection<Guid>? deputyIds, CancellationToken cancellationToken);
}

internal sealed class DutyPointsCalculator(DeputiesDbContext db) : IDutyPoints
{
    public async Task<IReadOnlyList<DeputyPoints>> ForPeriodAsync(int year, int? quarter, IReadOnlyCollection<Guid>? deputyIds, CancellationToken cancellationToken)
    {
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter));
        }
        var first = quarter is { } q ? new DateOnly(year, (q - 1) * 3 + 1, 1) : new DateOnly(year, 1, 1);
        var end = quarter is not null ? first.AddMonths(3) : first.AddYears(1);

        var records = db.DutyRecords.AsNoTracking()
            .Where(r => r.OccurredOn >= first && r.OccurredOn < end
                && r.Attendance == DutyAttendance.Attended && !r.Withdrawn
                && !db.DutyRecords.Any(c => c.CorrectsRecordId == r.Id));
        if (deputyIds is not null)
        {
            records = records.Where(r => deputyIds.Contains(r.DeputyId));
        }
        var counts = await records
            .GroupBy(r => new { r.DeputyId, r.TenantId, r.Kind, r.OccurredOn.Month })
            .Select(g => new { g.Key.DeputyId, g.Key.TenantId, g.Key.Kind, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var tenantIds = counts.Select(c => c.TenantId).Distinct().ToList();
        var policies = await db.PointsPolicies.AsNoTracking().IgnoreQueryFilters()
            .Where(p => p.Year == year && tenantIds.Contains(p.TenantId))
            .ToDictionaryAsync(p => p.TenantId, cancellationToken);
        var fallback = PointsPolicy.CreateDefault(year, DateTime.UnixEpoch).Rules.ToDictionary(r => r.Kind);

        return counts
            .GroupBy(c => new { c.DeputyId, c.TenantId, c.Kind, Quarter = (c.Month - 1) / 3 })
            .Select(g =>
            {
                var rules = policies.TryGetValue(g.Key.TenantId, out var policy) ? policy.Rules.ToDictionary(r => r.Kind) : fallback;
                if (!rules.TryGetValue(g.Key.Kind, out var rule))
                {
                    return new { g.Key.DeputyId, g.Key.Kind, Points = 0 };
                }
                var points = g.Sum(c => c.Count) * rule.Points;
                return new { g.Key.DeputyId, g.Key.Kind, Points = rule.QuarterCap is { } cap ? Math.Min(points, cap) : points };
            })
            .GroupBy(x => x.DeputyId)
            .Select(g =>
            {
                var byKind = g.GroupBy(x => x.Kind).ToDictionary(k => k.Key, k => k.Sum(x => x.Points));
                return new DeputyPoints(g.Key, byKind.Values.Sum(), byKind);
            })
            .ToList();
    }
}
