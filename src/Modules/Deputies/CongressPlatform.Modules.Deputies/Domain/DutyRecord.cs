using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Domain;

/// <summary>
/// One act of duty in a deputy's archive (履职记录). Append-only: a record is never changed or deleted; a mistake is
/// put right by a correction record that names the record it corrects and why (the original stays visible, marked as
/// corrected). The tenant is the one where the act took place; the source (module and id) makes it idempotent.
/// </summary>
internal sealed class DutyRecord : TenantOwnedEntity
{
    /// <summary>The source module of records that staff enter by hand (deeds, corrections, paper tallies).</summary>
    public const string ManualSource = "deputies";

    /// <summary>The source id of a record staff enter: unique, so a manual record is never taken for a repeat.</summary>
    public static string NewManualSourceId() => Guid.CreateVersion7().ToString("N");

    private DutyRecord()
    {
    }

    public DutyRecord(Guid deputyId, DutyKind kind, DateOnly occurredOn, string title, string sourceModule, string sourceId,
        DutyAttendance attendance, string? leaveReason, string? evidence, DateTime recordedAtUtc, Guid? recordedBy)
    {
        if (attendance == DutyAttendance.Leave && string.IsNullOrWhiteSpace(leaveReason))
        {
            throw new BusinessRuleException("deputies.leave_reason", Text.Of("请假须写明原因。", "A leave needs its reason."));
        }
        DeputyId = deputyId;
        Kind = kind;
        OccurredOn = occurredOn;
        Title = title.Trim();
        SourceModule = sourceModule;
        SourceId = sourceId;
        Attendance = attendance;
        LeaveReason = attendance == DutyAttendance.Leave ? leaveReason!.Trim() : null;
        Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        RecordedAtUtc = recordedAtUtc;
        RecordedBy = recordedBy;
    }

    public Guid DeputyId { get; private set; }
    public DutyKind Kind { get; private set; }
    public DateOnly OccurredOn { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string SourceModule { get; private set; } = string.Empty;
    public string SourceId { get; private set; } = string.Empty;
    public DutyAttendance Attendance { get; private set; }
    public string? LeaveReason { get; private set; }
    public string? Evidence { get; private set; }

    /// <summary>为民办实事 / 一对一帮扶: who benefited (text as staff wrote it) and how many.</summary>
    public string? Beneficiaries { get; private set; }
    public int? BeneficiaryCount { get; private set; }

    /// <summary>为民办实事: the amount in yuan (money raised or spent), when there is one.</summary>
    public decimal? Amount { get; private set; }

    /// <summary>Set on a correction: the record it corrects. The corrected record then no longer counts.</summary>
    public Guid? CorrectsRecordId { get; private set; }
    public string? CorrectionReason { get; private set; }

    /// <summary>A correction that only withdraws the original (recorded by mistake) and counts nothing itself.</summary>
    public bool Withdrawn { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }
    public Guid? RecordedBy { get; private set; }

    /// <summary>Whether the record earns points: attended and not a withdrawal.</summary>
    public bool Counts => Attendance == DutyAttendance.Attended && !Withdrawn;

    public void DescribeDeed(string? beneficiaries, int? beneficiaryCount, decimal? amount)
    {
        Beneficiaries = string.IsNullOrWhiteSpace(beneficiaries) ? null : beneficiaries.Trim();
        BeneficiaryCount = beneficiaryCount;
        Amount = amount;
    }

    /// <summary>Makes this new record the correction of <paramref name="original"/>.</summary>
    public void Correct(DutyRecord original, string reason, bool withdraw)
    {
        if (original.DeputyId != DeputyId)
        {
            throw new BusinessRuleException("deputies.correction_deputy", Text.Of("更正记录必须属于同一名代表。", "A correction belongs to the same deputy."));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new BusinessRuleException("deputies.correction_reason", Text.Of("更正须写明原因。", "A correction needs its reason."));
        }
        CorrectsRecordId = original.Id;
        CorrectionReason = reason.Trim();
        Withdrawn = withdraw;
    }
}
