using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Domain;

/// <summary>述职形式: 口头述职 or 书面述职.</summary>
public enum ReportBackForm
{
    Oral = 0,
    Written = 1,
}

/// <summary>Where a report-back stands: planned (the text may change), finalised (the text is fixed), rated (the result is in the archive).</summary>
public enum ReportBackStatus
{
    Planned = 0,
    Finalised = 1,
    Rated = 2,
}

/// <summary>How the voters' rating was collected: a paper tally entered by staff, or the public QR ballot.</summary>
public enum RatingSource
{
    None = 0,
    PaperTally = 1,
    QrBallot = 2,
}

/// <summary>A voter's choice (测评意见).</summary>
public enum BallotChoice
{
    /// <summary>满意</summary>
    Satisfied = 0,

    /// <summary>基本满意</summary>
    BasicallySatisfied = 1,

    /// <summary>不满意</summary>
    Dissatisfied = 2,
}

/// <summary>
/// A deputy's yearly report-back to the voters (代表向选民述职): the plan (date, place, form, voters' representatives
/// expected, who organises it), the report's text (drafted from the duty archive, edited, then finalised), the voters'
/// rating (a paper tally or a public QR ballot) and, once rated, the result written into the duty archive. One per
/// deputy, tenant and year. City (and higher) deputies report to the district standing committee instead of their
/// constituency's voters: <see cref="ReportsToCommittee"/> and the organiser say so.
/// </summary>
internal sealed class ReportBack : TenantOwnedEntity
{
    public const int MaxTextLength = 20000;

    private ReportBack()
    {
    }

    public ReportBack(Guid deputyId, string deputyName, int year, SeatLevel level, ReportBackPlan plan, DateTime nowUtc)
    {
        DeputyId = deputyId;
        DeputyName = deputyName;
        Year = year;
        SeatLevel = level;
        ReportsToCommittee = level >= SeatLevel.City;
        Organiser = ReportsToCommittee ? "区人大常委会(市级及以上代表向区人大常委会述职)" : "本选区选民(选民代表评议)";
        CreatedAtUtc = nowUtc;
        UpdatePlan(plan, nowUtc);
    }

    public Guid DeputyId { get; private set; }
    public string DeputyName { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public SeatLevel SeatLevel { get; private set; }
    public bool ReportsToCommittee { get; private set; }
    public string Organiser { get; private set; } = string.Empty;

    public DateOnly PlannedOn { get; private set; }
    public string Place { get; private set; } = string.Empty;
    public ReportBackForm Form { get; private set; }
    public int ExpectedRepresentatives { get; private set; }

    /// <summary>The minimum number of votes (ballots or paper slips) for the rating to count (法定人数).</summary>
    public int MinBallots { get; private set; }

    /// <summary>Satisfaction rate (满意 + 基本满意, percent) at or above which the verdict is 满意.</summary>
    public int SatisfiedThreshold { get; private set; }

    /// <summary>Satisfaction rate at or above which the verdict is 基本满意; below it, 不满意 (not passed).</summary>
    public int BasicThreshold { get; private set; }

    public string Text { get; private set; } = string.Empty;
    public DateTime? DraftedAtUtc { get; private set; }
    public ReportBackStatus Status { get; private set; }
    public DateTime? FinalisedAtUtc { get; private set; }

    public RatingSource RatingSource { get; private set; }
    public int Satisfied { get; private set; }
    public int BasicallySatisfied { get; private set; }
    public int Dissatisfied { get; private set; }

    /// <summary>The public ballot's unguessable token (the QR code's address), once a ballot was opened.</summary>
    public string? BallotToken { get; private set; }
    public DateTime? BallotOpensAtUtc { get; private set; }
    public DateTime? BallotClosesAtUtc { get; private set; }
    public bool BallotRequiresCode { get; private set; }

    public DateTime? RatedAtUtc { get; private set; }
    public Guid? DutyRecordId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public void UpdatePlan(ReportBackPlan plan, DateTime nowUtc)
    {
        EnsureNotRated();
        if (plan.BasicThreshold > plan.SatisfiedThreshold)
        {
            throw new BusinessRuleException("report_back.thresholds",
                CongressPlatform.SharedKernel.Text.Of("“基本满意”的门槛不能高于“满意”的门槛。", "The 'basically satisfied' threshold cannot exceed the 'satisfied' one."));
        }
        PlannedOn = plan.PlannedOn;
        Place = plan.Place.Trim();
        Form = plan.Form;
        ExpectedRepresentatives = plan.ExpectedRepresentatives;
        MinBallots = plan.MinBallots;
        SatisfiedThreshold = plan.SatisfiedThreshold;
        BasicThreshold = plan.BasicThreshold;
        UpdatedAtUtc = nowUtc;
    }

    public void SetDraft(string text, DateTime nowUtc)
    {
        EnsureEditable();
        Text = text;
        DraftedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public void EditText(string text, DateTime nowUtc)
    {
        EnsureEditable();
        Text = text.Trim();
        UpdatedAtUtc = nowUtc;
    }

    public void Finalise(DateTime nowUtc)
    {
        EnsureEditable();
        if (string.IsNullOrWhiteSpace(Text))
        {
            throw new BusinessRuleException("report_back.empty_text",
                CongressPlatform.SharedKernel.Text.Of("述职报告内容为空,请先生成或填写报告。", "The report is empty; draft or write it first."));
        }
        Status = ReportBackStatus.Finalised;
        FinalisedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Staff enter the counts of a paper tally (纸质测评票统计). Not while a QR ballot collects votes.</summary>
    public void EnterTally(int satisfied, int basicallySatisfied, int dissatisfied, DateTime nowUtc)
    {
        EnsureNotRated();
        if (BallotToken is not null)
        {
            throw new BusinessRuleException("report_back.ballot_in_use",
                CongressPlatform.SharedKernel.Text.Of("本次述职已使用二维码测评,不能再录入纸质票数。", "This report-back is rated by the QR ballot; a paper tally cannot be entered."));
        }
        RatingSource = RatingSource.PaperTally;
        Satisfied = satisfied;
        BasicallySatisfied = basicallySatisfied;
        Dissatisfied = dissatisfied;
        UpdatedAtUtc = nowUtc;
    }

    public void OpenBallot(string token, DateTime opensAtUtc, DateTime closesAtUtc, bool requiresCode, DateTime nowUtc)
    {
        EnsureNotRated();
        if (RatingSource == RatingSource.PaperTally)
        {
            throw new BusinessRuleException("report_back.tally_in_use",
                CongressPlatform.SharedKernel.Text.Of("本次述职已录入纸质测评票数,不能再开启二维码测评。", "A paper tally was entered; a QR ballot cannot be opened."));
        }
        if (closesAtUtc <= opensAtUtc)
        {
            throw new BusinessRuleException("ballot.window",
                CongressPlatform.SharedKernel.Text.Of("测评截止时间必须晚于开始时间。", "The ballot must close after it opens."));
        }
        if (BallotToken is not null && BallotRules.StateAt(nowUtc, BallotOpensAtUtc!.Value, BallotClosesAtUtc!.Value) != BallotState.NotOpen)
        {
            // Once voting started, the window may still move (extend, close early) but the token and the code rule stay.
            BallotOpensAtUtc = BallotOpensAtUtc.Value < opensAtUtc ? BallotOpensAtUtc : opensAtUtc;
            BallotClosesAtUtc = closesAtUtc;
        }
        else
        {
            BallotToken ??= token;
            BallotOpensAtUtc = opensAtUtc;
            BallotClosesAtUtc = closesAtUtc;
            BallotRequiresCode = requiresCode;
        }
        RatingSource = RatingSource.QrBallot;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Closes the ballot now (staff end it early).</summary>
    public void CloseBallot(DateTime nowUtc)
    {
        EnsureNotRated();
        if (BallotToken is null)
        {
            throw new BusinessRuleException("ballot.none", CongressPlatform.SharedKernel.Text.Of("尚未开启二维码测评。", "No ballot has been opened."));
        }
        if (BallotClosesAtUtc > nowUtc)
        {
            BallotClosesAtUtc = nowUtc;
            if (BallotOpensAtUtc > nowUtc)
            {
                BallotOpensAtUtc = nowUtc;
            }
        }
        UpdatedAtUtc = nowUtc;
    }

    public BallotState BallotStateAt(DateTime nowUtc) =>
        BallotToken is null ? BallotState.None : BallotRules.StateAt(nowUtc, BallotOpensAtUtc!.Value, BallotClosesAtUtc!.Value);

    /// <summary>The QR ballot's counts, taken from its votes when the result is recorded.</summary>
    public void TakeBallotCounts(int satisfied, int basicallySatisfied, int dissatisfied)
    {
        EnsureNotRated();
        Satisfied = satisfied;
        BasicallySatisfied = basicallySatisfied;
        Dissatisfied = dissatisfied;
    }

    public RatingResult Result => BallotRules.Evaluate(Satisfied, BasicallySatisfied, Dissatisfied, MinBallots, SatisfiedThreshold, BasicThreshold);

    /// <summary>Fixes the rating; the caller writes the duty record and passes its id.</summary>
    public void MarkRated(Guid dutyRecordId, DateTime nowUtc)
    {
        EnsureNotRated();
        if (RatingSource == RatingSource.None)
        {
            throw new BusinessRuleException("report_back.no_rating",
                CongressPlatform.SharedKernel.Text.Of("尚无测评结果:请录入纸质票数或开启二维码测评。", "There is no rating yet: enter a paper tally or open a ballot."));
        }
        if (RatingSource == RatingSource.QrBallot && BallotStateAt(nowUtc) != BallotState.Closed)
        {
            throw new BusinessRuleException("ballot.still_open",
                CongressPlatform.SharedKernel.Text.Of("二维码测评尚未结束,请在截止后或手动结束后再确认结果。", "The ballot is still open; close it before recording the result."));
        }
        Status = ReportBackStatus.Rated;
        RatedAtUtc = nowUtc;
        DutyRecordId = dutyRecordId;
        UpdatedAtUtc = nowUtc;
    }

    private void EnsureEditable()
    {
        if (Status != ReportBackStatus.Planned)
        {
            throw new BusinessRuleException("report_back.finalised",
                CongressPlatform.SharedKernel.Text.Of("述职报告已定稿,不能再修改。", "The report is final and cannot change."));
        }
    }

    private void EnsureNotRated()
    {
        if (Status == ReportBackStatus.Rated)
        {
            throw new BusinessRuleException("report_back.rated",
                CongressPlatform.SharedKernel.Text.Of("测评结果已记入履职档案,不能再修改。", "The result is in the duty archive and cannot change."));
        }
    }
}

/// <summary>What staff plan: date, place, form, voters' representatives expected, quorum and thresholds.</summary>
internal sealed record ReportBackPlan(DateOnly PlannedOn, string Place, ReportBackForm Form, int ExpectedRepresentatives,
    int MinBallots, int SatisfiedThreshold, int BasicThreshold);

/// <summary>One public vote: one per device (a signed cookie) and, when codes are used, one per voter code.</summary>
internal sealed class BallotVote : TenantOwnedEntity
{
    private BallotVote()
    {
    }

    public BallotVote(Guid reportBackId, string deviceHash, Guid? voterCodeId, BallotChoice choice, DateTime castAtUtc)
    {
        ReportBackId = reportBackId;
        DeviceHash = deviceHash;
        VoterCodeId = voterCodeId;
        Choice = choice;
        CastAtUtc = castAtUtc;
    }

    public Guid ReportBackId { get; private set; }

    /// <summary>SHA-256 of the device id and the report-back id: the device cannot be followed from one ballot to another.</summary>
    [SecretData]
    public string DeviceHash { get; private set; } = string.Empty;

    public Guid? VoterCodeId { get; private set; }
    public BallotChoice Choice { get; private set; }
    public DateTime CastAtUtc { get; private set; }
}

/// <summary>A one-time voter code (选民代表测评码) staff hand to a voters' representative on paper.</summary>
internal sealed class VoterCode : TenantOwnedEntity
{
    private VoterCode()
    {
    }

    public VoterCode(Guid reportBackId, string code, DateTime issuedAtUtc)
    {
        ReportBackId = reportBackId;
        Code = code;
        IssuedAtUtc = issuedAtUtc;
    }

    public Guid ReportBackId { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public DateTime IssuedAtUtc { get; private set; }
    public DateTime? UsedAtUtc { get; private set; }

    public void Use(DateTime nowUtc) => UsedAtUtc = nowUtc;
}
