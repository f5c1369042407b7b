using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Domain;

/// <summary>
/// How many counting records (attended, not withdrawn, not corrected) a deputy has of one kind, in one tenant and
/// quarter, and the points they earn. Kept by <see cref="Archive.DutyArchive"/> in the same save as every record and
/// correction (and repriced with every change of the policy), so that points and rankings add up small rows in the
/// database instead of reading the archive.
/// </summary>
internal sealed class DutyTotal : TenantOwnedEntity
{
    private DutyTotal()
    {
    }

    public DutyTotal(Guid deputyId, int year, int quarter, DutyKind kind)
    {
        DeputyId = deputyId;
        Year = year;
        Quarter = quarter;
        Kind = kind;
    }

    public Guid DeputyId { get; private set; }
    public int Year { get; private set; }

    /// <summary>1–4.</summary>
    public int Quarter { get; private set; }

    public DutyKind Kind { get; private set; }
    public int Count { get; private set; }

    /// <summary>
    /// The points these records earn under the tenant's policy of the year: <c>min(Count × points, quarter cap)</c>,
    /// 0 without a rule. Set with every count and again whenever the policy's rules change.
    /// </summary>
    public int Points { get; private set; }

    public static int QuarterOf(DateOnly date) => (date.Month - 1) / 3 + 1;

    /// <summary>The capped points of <paramref name="count"/> records under a rule (none: no points).</summary>
    public static int Capped(int count, (int Points, int? QuarterCap)? rule) =>
        rule is not { } r ? 0 : r.QuarterCap is { } cap ? Math.Min(count * r.Points, cap) : count * r.Points;

    public void Add(int delta, (int Points, int? QuarterCap)? rule)
    {
        if (Count + delta < 0)
        {
            throw new InvalidOperationException($"Duty total of {DeputyId} {Year}Q{Quarter} {Kind} would become negative.");
        }
        Count += delta;
        Points = Capped(Count, rule);
    }

    /// <summary>The policy's rules changed: the same count earns what the new rule says.</summary>
    public void Reprice((int Points, int? QuarterCap)? rule) => Points = Capped(Count, rule);
}
