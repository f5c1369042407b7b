using CongressPlatform.Modules.Deputies.Contracts;

namespace CongressPlatform.Modules.Deputies.Points;

/// <summary>A tenant's rules for a year as a ranking uses them: the policy's revision, or 0 for the default rules.</summary>
internal sealed record RuleSet(int Revision, IReadOnlyDictionary<DutyKind, (int Points, int? QuarterCap)> Rules);

/// <summary>One row of <see cref="Domain.DutyTotal"/> as the calculation reads it.</summary>
internal readonly record struct CountRow(Guid DeputyId, Guid TenantId, int Quarter, DutyKind Kind, int Count);

/// <summary>One place in a ranking: 1, 1, 3 for ties (competition ranking).</summary>
internal sealed record Ranked<T>(int Rank, T Item);

/// <summary>The arithmetic of duty points and rankings, free of the database so it can be tested alone.</summary>
internal static class PointsMath
{
    /// <summary>
    /// Points per deputy: per tenant, quarter and kind, count × points stopped at the quarter cap, under the rules of
    /// the tenant where the records were made; a kind without a rule earns nothing.
    /// </summary>
    public static IReadOnlyList<DeputyPoints> Compute(IEnumerable<CountRow> rows, Func<Guid, RuleSet> rulesOf) =>
        rows
            .GroupBy(r => (r.DeputyId, r.TenantId, r.Quarter, r.Kind))
            .Select(g =>
            {
                var count = g.Sum(r => r.Count);
                var points = rulesOf(g.Key.TenantId).Rules.TryGetValue(g.Key.Kind, out var rule)
                    ? (rule.QuarterCap is { } cap ? Math.Min(count * rule.Points, cap) : count * rule.Points)
                    : 0;
                return (g.Key.DeputyId, g.Key.Kind, Points: points);
            })
            .GroupBy(x => x.DeputyId)
            .Select(g =>
            {
                var byKind = g.GroupBy(x => x.Kind).ToDictionary(k => k.Key, k => k.Sum(x => x.Points));
                return new DeputyPoints(g.Key, byKind.Values.Sum(), byKind);
            })
            .ToList();

    /// <summary>
    /// Ranks by score, highest first; equal scores share the rank and the next rank skips (1, 1, 3). Within a rank the
    /// order is <paramref name="tieOrder"/> (name, then id), so the same data always gives the same list.
    /// </summary>
    public static IReadOnlyList<Ranked<T>> Rank<T>(IEnumerable<T> items, Func<T, decimal> score, Func<T, string> tieOrder, Func<T, Guid> id)
    {
        var ordered = items
            .OrderByDescending(score)
            .ThenBy(tieOrder, StringComparer.Ordinal)
            .ThenBy(id)
            .ToList();
        var result = new List<Ranked<T>>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && score(ordered[i]) == score(ordered[i - 1]) ? result[i - 1].Rank : i + 1;
            result.Add(new Ranked<T>(rank, ordered[i]));
        }
        return result;
    }

    /// <summary>
    /// The shortlist cut: the top <paramref name="top"/> places, or the top <paramref name="percent"/>% of the list
    /// (rounded up, at least one); everyone tied with the last place taken is in too.
    /// </summary>
    public static IReadOnlyList<Ranked<T>> Shortlist<T>(IReadOnlyList<Ranked<T>> ranking, int? top, decimal? percent)
    {
        if (ranking.Count == 0)
        {
            return [];
        }
        var places = top ?? (int)Math.Max(1, Math.Ceiling(ranking.Count * (percent ?? 10) / 100m));
        places = Math.Clamp(places, 1, ranking.Count);
        var lastRank = ranking[places - 1].Rank;
        return ranking.Where(r => r.Rank <= lastRank).ToList();
    }
}
