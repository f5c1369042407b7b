using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Stations.Domain;

/// <summary>Where a week of the duty rota (值班表) is: planned, public, and after the week what happened.</summary>
public enum RotaWeekStatus
{
    /// <summary>草稿: generated, not yet public; a new generation may replace it.</summary>
    Draft = 0,

    /// <summary>已公布: shown on the public station page; kept by a new generation.</summary>
    Published = 1,

    /// <summary>已履职: the keeper confirmed the deputy served (a duty record goes to the archive).</summary>
    Served = 2,

    /// <summary>缺席</summary>
    Absent = 3,

    /// <summary>请假</summary>
    Leave = 4,
}

/// <summary>
/// One week (Monday–Sunday, Beijing dates) of a station's duty rota with the deputy on duty (每周一名代表轮流驻站).
/// The deputy's name is copied from the station's assignment row.
/// </summary>
internal sealed class RotaWeek : TenantOwnedEntity
{
    /// <summary>A week must be public at least this many days before it starts.</summary>
    public const int PublishDaysAhead = 3;

    private RotaWeek()
    {
    }

    public RotaWeek(Guid stationId, DateOnly weekStart, Guid deputyId, string deputyName, DateTime nowUtc)
    {
        if (weekStart.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException("A rota week starts on a Monday.", nameof(weekStart));
        }
        StationId = stationId;
        WeekStart = weekStart;
        DeputyId = deputyId;
        DeputyName = deputyName;
        Status = RotaWeekStatus.Draft;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public Guid StationId { get; private set; }

    /// <summary>The Monday the week starts on.</summary>
    public DateOnly WeekStart { get; private set; }

    public DateOnly WeekEnd => WeekStart.AddDays(6);

    public Guid DeputyId { get; private set; }
    public string DeputyName { get; private set; } = string.Empty;
    public RotaWeekStatus Status { get; private set; }

    /// <summary>Set by hand (or by an approved swap): a new generation keeps it.</summary>
    public bool IsManual { get; private set; }

    public DateTime? ReminderSentAtUtc { get; private set; }
    public string? ConfirmedByName { get; private set; }
    public DateTime? ConfirmedAtUtc { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public bool IsClosed => Status is RotaWeekStatus.Served or RotaWeekStatus.Absent or RotaWeekStatus.Leave;

    /// <summary>Kept by a new generation of its period: public, closed or set by hand.</summary>
    public bool IsKept => Status != RotaWeekStatus.Draft || IsManual;

    /// <summary>Whether the week starts within <see cref="PublishDaysAhead"/> days of <paramref name="today"/> (or has started).</summary>
    public static bool MustBePublic(DateOnly weekStart, DateOnly today) => weekStart.DayNumber - today.DayNumber <= PublishDaysAhead;

    public void Publish(DateTime nowUtc)
    {
        if (Status == RotaWeekStatus.Draft)
        {
            Status = RotaWeekStatus.Published;
            UpdatedAtUtc = nowUtc;
        }
    }

    /// <summary>A new generation gives a draft week to another deputy (it stays a draft, not set by hand).</summary>
    public void Replan(Guid deputyId, string deputyName, DateTime nowUtc)
    {
        if (IsKept)
        {
            throw new InvalidOperationException("Only a draft generated week is replanned.");
        }
        DeputyId = deputyId;
        DeputyName = deputyName;
        UpdatedAtUtc = nowUtc;
    }

    public void AssignByHand(Guid deputyId, string deputyName, DateTime nowUtc)
    {
        EnsureOpen();
        DeputyId = deputyId;
        DeputyName = deputyName;
        IsManual = true;
        ReminderSentAtUtc = null;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Exchanges the deputies of two open weeks (an approved swap).</summary>
    public static void Swap(RotaWeek a, RotaWeek b, DateTime nowUtc)
    {
        a.EnsureOpen();
        b.EnsureOpen();
        var (id, name) = (a.DeputyId, a.DeputyName);
        a.AssignByHand(b.DeputyId, b.DeputyName, nowUtc);
        b.AssignByHand(id, name, nowUtc);
    }

    public void MarkReminded(DateTime nowUtc) => ReminderSentAtUtc = nowUtc;

    /// <summary>After the week the keeper records what happened: served, absent or on leave.</summary>
    public void Close(RotaWeekStatus outcome, string? note, string confirmedByName, DateOnly today, DateTime nowUtc)
    {
        if (outcome is not (RotaWeekStatus.Served or RotaWeekStatus.Absent or RotaWeekStatus.Leave))
        {
            throw new BusinessRuleException("stations.rota_outcome", Text.Of("请选择已履职、缺席或请假。", "Choose served, absent or leave."));
        }
        EnsureOpen();
        if (WeekEnd > today)
        {
            throw new ConflictException("stations.rota_week_not_over",
                Text.Of("该值班周尚未结束,结束后才能确认履职情况。", "The week is not over yet; confirm it afterwards."));
        }
        Status = outcome;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ConfirmedByName = confirmedByName;
        ConfirmedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new ConflictException("stations.rota_week_closed",
                Text.Of("该值班周已确认履职情况,不能再更改。", "The week's duty has been confirmed and cannot change."));
        }
    }
}

/// <summary>A deputy's leave (请假) from station duty, recorded by staff or by the deputy.</summary>
internal sealed class DutyLeave : TenantOwnedEntity
{
    private DutyLeave()
    {
    }

    public DutyLeave(Guid deputyId, string deputyName, DateOnly from, DateOnly to, string reason, string recordedByName, DateTime nowUtc)
    {
        if (to < from)
        {
            throw new BusinessRuleException("stations.leave_dates", Text.Of("请假结束日期不能早于开始日期。", "The leave cannot end before it starts."));
        }
        DeputyId = deputyId;
        DeputyName = deputyName;
        From = from;
        To = to;
        Reason = reason.Trim();
        RecordedByName = recordedByName;
        CreatedAtUtc = nowUtc;
    }

    public Guid DeputyId { get; private set; }
    public string DeputyName { get; private set; } = string.Empty;
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string Reason { get; private set; } = string.Empty;
    public string RecordedByName { get; private set; } = string.Empty;
    public DateTime CreatedAtUtc { get; private set; }
}

public enum RotaSwapStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>A deputy's request to exchange their week with another assigned deputy's week (调班), decided by the keeper or staff.</summary>
internal sealed class RotaSwapRequest : TenantOwnedEntity
{
    private RotaSwapRequest()
    {
    }

    public RotaSwapRequest(RotaWeek mine, RotaWeek theirs, string? reason, DateTime nowUtc)
    {
        if (mine.StationId != theirs.StationId || mine.Id == theirs.Id || mine.DeputyId == theirs.DeputyId)
        {
            throw new BusinessRuleException("stations.swap_weeks",
                Text.Of("只能与本站另一位代表的值班周调换。", "A swap is with another deputy's week at the same station."));
        }
        StationId = mine.StationId;
        RequesterWeekId = mine.Id;
        RequesterDeputyId = mine.DeputyId;
        RequesterName = mine.DeputyName;
        RequesterWeekStart = mine.WeekStart;
        TargetWeekId = theirs.Id;
        TargetDeputyId = theirs.DeputyId;
        TargetName = theirs.DeputyName;
        TargetWeekStart = theirs.WeekStart;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Status = RotaSwapStatus.Pending;
        CreatedAtUtc = nowUtc;
    }

    public Guid StationId { get; private set; }
    public Guid RequesterWeekId { get; private set; }
    public Guid RequesterDeputyId { get; private set; }
    public string RequesterName { get; private set; } = string.Empty;
    public DateOnly RequesterWeekStart { get; private set; }
    public Guid TargetWeekId { get; private set; }
    public Guid TargetDeputyId { get; private set; }
    public string TargetName { get; private set; } = string.Empty;
    public DateOnly TargetWeekStart { get; private set; }
    public string? Reason { get; private set; }
    public RotaSwapStatus Status { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecisionNote { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Swaps the two weeks, if they still hold the deputies the request named.</summary>
    public void Approve(RotaWeek mine, RotaWeek theirs, string decidedByName, DateTime nowUtc)
    {
        EnsurePending();
        if (mine.Id != RequesterWeekId || theirs.Id != TargetWeekId || mine.DeputyId != RequesterDeputyId || theirs.DeputyId != TargetDeputyId)
        {
            throw new ConflictException("stations.swap_stale",
                Text.Of("申请后值班表已变动,请驳回后由代表重新申请。", "The rota changed since the request; reject it and ask again."));
        }
        RotaWeek.Swap(mine, theirs, nowUtc);
        Decide(RotaSwapStatus.Approved, null, decidedByName, nowUtc);
    }

    public void Reject(string? note, string decidedByName, DateTime nowUtc)
    {
        EnsurePending();
        Decide(RotaSwapStatus.Rejected, note, decidedByName, nowUtc);
    }

    private void Decide(RotaSwapStatus status, string? note, string decidedByName, DateTime nowUtc)
    {
        Status = status;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedByName = decidedByName;
        DecidedAtUtc = nowUtc;
    }

    private void EnsurePending()
    {
        if (Status != RotaSwapStatus.Pending)
        {
            throw new ConflictException("stations.swap_decided", Text.Of("该调班申请已处理。", "The swap request has already been decided."));
        }
    }
}
