using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Domain;

/// <summary>The level of the congress a seat is in (代表层级).</summary>
public enum SeatLevel
{
    /// <summary>乡镇人大代表</summary>
    Township = 0,

    /// <summary>区(县)人大代表</summary>
    District = 1,

    /// <summary>市人大代表</summary>
    City = 2,

    /// <summary>省人大代表</summary>
    Province = 3,

    /// <summary>全国人大代表</summary>
    National = 4,
}

public enum SeatStatus
{
    /// <summary>在任</summary>
    Serving = 0,

    /// <summary>辞职</summary>
    Resigned = 1,

    /// <summary>任期届满</summary>
    TermEnded = 2,

    /// <summary>罢免或终止代表资格</summary>
    Terminated = 3,
}

/// <summary>
/// One seat of a deputy: a level, a term (届) and a constituency (选区), organised by one tenant — the township
/// presidium for a township seat; the street working committee (or the district) for a district or city deputy living
/// there. A seat is what makes a deputy visible to a tenant.
/// </summary>
internal sealed class Seat : TenantOwnedEntity
{
    private Seat()
    {
    }

    internal Seat(Guid deputyId, SeatDetails details)
    {
        DeputyId = deputyId;
        Level = details.Level;
        Term = details.Term;
        Constituency = details.Constituency.Trim();
        ElectedOn = details.ElectedOn;
        ByElection = details.ByElection;
        Status = SeatStatus.Serving;
        if (details.TenantId is { } tenantId && details.TenantPath is { } path)
        {
            ((ITenantOwned)this).AssignTenant(tenantId, path);
        }
    }

    public Guid DeputyId { get; private set; }
    public SeatLevel Level { get; private set; }

    /// <summary>届次, e.g. 17 for 第十七届.</summary>
    public int Term { get; private set; }

    public string Constituency { get; private set; } = string.Empty;
    public DateOnly ElectedOn { get; private set; }

    /// <summary>补选: elected in a by-election during the term.</summary>
    public bool ByElection { get; private set; }

    public SeatStatus Status { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }

    public void End(SeatStatus status, DateOnly endedOn, string? reason)
    {
        if (status == SeatStatus.Serving)
        {
            throw new BusinessRuleException("deputies.seat_end_status", Text.Of("请选择辞职、任期届满或终止资格。", "Choose resigned, term ended or terminated."));
        }
        if (Status != SeatStatus.Serving)
        {
            throw new BusinessRuleException("deputies.seat_not_serving", Text.Of("该席位已不在任。", "This seat is no longer serving."));
        }
        if (endedOn < ElectedOn)
        {
            throw new BusinessRuleException("deputies.seat_end_before_election", Text.Of("终止日期不能早于当选日期。", "The end date cannot precede the election."));
        }
        Status = status;
        EndedOn = endedOn;
        EndReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }
}

/// <summary>A new seat. Tenant id and path are given when the seat is organised by another tenant than the caller's (import by a supervisor, demo data); otherwise the save stamps the active tenant.</summary>
internal sealed record SeatDetails(SeatLevel Level, int Term, string Constituency, DateOnly ElectedOn, bool ByElection, Guid? TenantId = null, string? TenantPath = null);
