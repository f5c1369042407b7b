using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Domain;

/// <summary>
/// How many counting records (attended, not withdrawn, not corrected) a deputy has of one kind, in one tenant and
/// quarter. Kept by <see cref="Archive.DutyArchive"/> in the same save as every record and correction, so that points
/// and rankings read at most deputies × kinds × quarters small rows instead of the whole archive.
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

    public static int QuarterOf(DateOnly date) => (date.Month - 1) / 3 + 1;

    public void Add(int delta)
    {
        if (Count + delta < 0)
        {
            throw new InvalidOperationException($"Duty total of {DeputyId} {Year}Q{Quarter} {Kind} would become negative.");
        }
        Count += delta;
    }
}
