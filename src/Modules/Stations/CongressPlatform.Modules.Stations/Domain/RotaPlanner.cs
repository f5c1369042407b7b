using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Stations.Domain;

/// <summary>A deputy's assignment to the station (<see cref="To"/> null while still assigned).</summary>
internal sealed record RotaCandidate(Guid DeputyId, string Name, DateOnly From, DateOnly? To)
{
    /// <summary>Assigned for the whole week, Monday to Sunday.</summary>
    public bool CoversWeek(DateOnly monday) => From <= monday && (To is null || To >= monday.AddDays(6));
}

internal sealed record RotaLeave(Guid DeputyId, DateOnly From, DateOnly To)
{
    public bool Touches(DateOnly monday) => From <= monday.AddDays(6) && To >= monday;
}

/// <param name="Fixed">Weeks of the period kept as they are (published, confirmed or set by hand): week start → deputy.</param>
/// <param name="LastServed">Each deputy's latest week at the station before the period (none: never served).</param>
internal sealed record RotaPlanInput(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<RotaCandidate> Candidates,
    IReadOnlyList<RotaLeave> Leaves,
    IReadOnlyDictionary<DateOnly, Guid> Fixed,
    IReadOnlyDictionary<Guid, DateOnly> LastServed);

/// <param name="Assigned">The weeks the plan fills: week start → deputy.</param>
/// <param name="Unfilled">Weeks nobody could take (everyone assigned that week is on leave, or nobody is assigned).</param>
internal sealed record RotaPlan(IReadOnlyList<(DateOnly WeekStart, RotaCandidate Deputy)> Assigned, IReadOnlyList<DateOnly> Unfilled);

/// <summary>
/// The fair weekly rotation (轮流驻站): each open week of the period goes to a deputy assigned to the station for that
/// whole week and not on leave on any of its days; among them the one with the fewest weeks in the period so far, then
/// the one who served least recently (never before first), then by name and id, so the same input always gives the
/// same rota. Weeks kept from an earlier generation count as served.
/// </summary>
internal static class RotaPlanner
{
    public const int MaxWeeks = 53;

    /// <summary>The Monday of the week <paramref name="day"/> falls in.</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The Mondays of the weeks that meet [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static IReadOnlyList<DateOnly> Weeks(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new BusinessRuleException("stations.rota_period", Text.Of("结束日期不能早于开始日期。", "The period cannot end before it starts."));
        }
        var weeks = new List<DateOnly>();
        for (var monday = Monday(from); monday <= to; monday = monday.AddDays(7))
        {
            weeks.Add(monday);
        }
        if (weeks.Count > MaxWeeks)
        {
            throw new BusinessRuleException("stations.rota_period_long",
                Text.Of($"一次最多排 {MaxWeeks} 周,请缩短时段。", $"At most {MaxWeeks} weeks at a time; shorten the period."));
        }
        return weeks;
    }

    public static RotaPlan Plan(RotaPlanInput input)
    {
        var weeks = Weeks(input.From, input.To);
        if (!weeks.Any(w => input.Candidates.Any(c => c.CoversWeek(w))))
        {
            throw new BusinessRuleException("stations.rota_no_deputies",
                Text.Of("该时段内本站没有进站代表,无法排班。请先为联络站安排代表。", "No deputy is assigned to the station in this period; assign deputies first."));
        }
        var counts = new Dictionary<Guid, int>();
        var last = new Dictionary<Guid, DateOnly>(input.LastServed);
        var assigned = new List<(DateOnly, RotaCandidate)>();
        var unfilled = new List<DateOnly>();
        foreach (var week in weeks)
        {
            if (input.Fixed.TryGetValue(week, out var kept))
            {
                counts[kept] = counts.GetValueOrDefault(kept) + 1;
                last[kept] = week;
                continue;
            }
            var pick = input.Candidates
                .Where(c => c.CoversWeek(week) && !input.Leaves.Any(l => l.DeputyId == c.DeputyId && l.Touches(week)))
                .DistinctBy(c => c.DeputyId)
                .OrderBy(c => counts.GetValueOrDefault(c.DeputyId))
                .ThenBy(c => last.TryGetValue(c.DeputyId, out var served) ? served.DayNumber : int.MinValue)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .ThenBy(c => c.DeputyId)
                .FirstOrDefault();
            if (pick is null)
            {
                unfilled.Add(week);
                continue;
            }
            counts[pick.DeputyId] = counts.GetValueOrDefault(pick.DeputyId) + 1;
            last[pick.DeputyId] = week;
            assigned.Add((week, pick));
        }
        return new RotaPlan(assigned, unfilled);
    }
}
