using CongressPlatform.Modules.Deputies.Contracts;

namespace CongressPlatform.Modules.Deputies.Points;

/// <summary>A tenant's rules for a year as a ranking uses them: the policy's revision, or 0 for the default rules.</summary>
internal sealed record RuleSet(int Revision, IReadOnlyDictionary<DutyKind, (int Points, int? QuarterCap)> Rules);

/// <summary>One place in a ranking: 1, 1, 3 for ties (competition ranking).</summary>
internal sealed record Ranked<T>(int Rank, T Item);

/// <summary>The arithmetic of rankings, free of the database so it can be tested alone (the points of a row: <see cref="Domain.DutyTotal.Capped"/>).</summary>
internal static class PointsMath
{
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
