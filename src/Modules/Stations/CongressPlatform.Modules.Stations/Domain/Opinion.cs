using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Stations.Domain;

/// <summary>How the opinion reached us (社情民意的来源渠道).</summary>
public enum OpinionChannel
{
    /// <summary>扫码留言 (a station's or a deputy's QR code)</summary>
    QrCode = 0,

    /// <summary>来站当面反映</summary>
    Visit = 1,

    /// <summary>"代表帮我捎句话" 社情簿</summary>
    Notebook = 2,

    /// <summary>民意收集箱</summary>
    OpinionBox = 3,

    /// <summary>电话</summary>
    Phone = 4,

    /// <summary>集中接待活动</summary>
    ReceptionEvent = 5,

    /// <summary>网络、其他</summary>
    Online = 6,
}

/// <summary>Where an opinion is on its way from the resident to the answer and back (回复责任制).</summary>
public enum OpinionStatus
{
    /// <summary>已收到, waiting for triage</summary>
    Received = 0,

    /// <summary>已交办 to a handling unit, with a deadline</summary>
    Referred = 1,

    /// <summary>承办单位已答复</summary>
    Answered = 2,

    /// <summary>已反馈 to the resident (the answer is public by tracking code)</summary>
    FedBack = 3,

    /// <summary>已办结 without referral (answered on the spot, merged into another, or outside our remit, with a note)</summary>
    Closed = 4,
}

/// <summary>
/// A resident's opinion (社情民意), raised at a station or to a deputy. It names the deputy who received it, keeps the
/// resident's contact only if they chose to give it (and only for the purpose stated on the form), and is found again
/// by its tracking code, never by anything personal. Owned by the tenant that runs the station.
/// </summary>
internal sealed class Opinion : TenantOwnedEntity
{
    private Opinion()
    {
    }

    public Opinion(string trackingCode, OpinionChannel channel, Guid? stationId, Guid? deputyId, string? deputyName, string content,
        OpinionContact? contact, string? idempotencyKey, DateTime submittedAtUtc, DateOnly receivedOn)
    {
        TrackingCode = trackingCode;
        Channel = channel;
        StationId = stationId;
        DeputyId = deputyId;
        DeputyName = deputyName;
        Content = content.Trim();
        Anonymous = contact is null;
        ContactName = contact?.Name;
        ContactPhone = contact?.Phone;
        IdempotencyKey = idempotencyKey;
        SubmittedAtUtc = submittedAtUtc;
        ReceivedOn = receivedOn;
        Status = OpinionStatus.Received;
    }

    /// <summary>The code the resident keeps to read the status and the answer; unique and not guessable.</summary>
    public string TrackingCode { get; private set; } = string.Empty;

    public OpinionChannel Channel { get; private set; }
    public Guid? StationId { get; private set; }

    /// <summary>The deputy who received it (the deputy of the QR code, the one on duty, or the one staff name).</summary>
    public Guid? DeputyId { get; private set; }
    public string? DeputyName { get; private set; }

    public string Content { get; private set; } = string.Empty;
    public string? Category { get; private set; }
    public string? Community { get; private set; }

    public bool Anonymous { get; private set; }

    [PersonalData]
    public string? ContactName { get; private set; }

    [PersonalData]
    public string? ContactPhone { get; private set; }

    /// <summary>Kept out of the monthly public notice (涉及国家秘密、个人隐私等不宜公开).</summary>
    public bool Confidential { get; private set; }

    /// <summary>The public form's <c>Idempotency-Key</c>: a retry with the same key returns the same opinion.</summary>
    public string? IdempotencyKey { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public OpinionStatus Status { get; private set; }

    public Guid? HandlingUnitId { get; private set; }
    public string? HandlingUnitName { get; private set; }
    public DateTime? ReferredAtUtc { get; private set; }

    /// <summary>The answer's deadline, counted in working days from the referral.</summary>
    public DateOnly? DueOn { get; private set; }

    public string? Answer { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    public string? AnsweredByName { get; private set; }

    /// <summary>What staff told the resident (反馈), public by tracking code.</summary>
    public string? Feedback { get; private set; }
    public DateTime? FedBackAtUtc { get; private set; }

    /// <summary>The resident's rating of the answer.</summary>
    public OpinionRating? Rating { get; private set; }
    public DateTime? RatedAtUtc { get; private set; }

    /// <summary>Set when staff mark it a duplicate of an earlier opinion.</summary>
    public Guid? DuplicateOfId { get; private set; }

    /// <summary>Staff enter an opinion from a visit, the notebook, the box or the phone (登记).</summary>
    public void SetIntakeDetails(string? category, string? community, bool confidential)
    {
        Category = Clean(category);
        Community = Clean(community);
        Confidential = confidential;
    }

    /// <summary>Triage (分拣): category, community, confidentiality, and the deputy who received it, while not yet referred.</summary>
    public void Triage(string? category, string? community, bool confidential, Guid? deputyId, string? deputyName)
    {
        RequireStatus("triage", OpinionStatus.Received);
        SetIntakeDetails(category, community, confidential);
        if (deputyId is not null)
        {
            DeputyId = deputyId;
            DeputyName = deputyName;
        }
    }

    /// <summary>A duplicate of an earlier opinion is closed with a note pointing to it (合并办理).</summary>
    public void MarkDuplicateOf(Opinion original, string note)
    {
        RequireStatus("duplicate", OpinionStatus.Received);
        if (original.Id == Id)
        {
            throw new BusinessRuleException("opinion.duplicate_self", Text.Of("不能把意见标记为自身的重复。", "An opinion cannot duplicate itself."));
        }
        DuplicateOfId = original.Id;
        Status = OpinionStatus.Closed;
        Feedback = note.Trim();
    }

    /// <summary>Refer to a handling unit (交办) with a deadline counted in working days; only an opinion that names its deputy.</summary>
    public void Refer(Guid handlingUnitId, string handlingUnitName, DateOnly dueOn, DateTime nowUtc)
    {
        RequireStatus("refer", OpinionStatus.Received);
        if (DeputyId is null)
        {
            throw new BusinessRuleException("opinion.deputy_required", Text.Of(
                "交办前请先指定收到该意见的代表。", "Name the deputy who received the opinion before referring it."));
        }
        HandlingUnitId = handlingUnitId;
        HandlingUnitName = handlingUnitName;
        ReferredAtUtc = nowUtc;
        DueOn = dueOn;
        Status = OpinionStatus.Referred;
    }

    /// <summary>The handling unit's written answer (答复).</summary>
    public void AnswerWith(string answer, string answeredByName, DateTime nowUtc)
    {
        RequireStatus("answer", OpinionStatus.Referred);
        Answer = answer.Trim();
        AnsweredByName = answeredByName.Length > 50 ? answeredByName[..50] : answeredByName;
        AnsweredAtUtc = nowUtc;
        Status = OpinionStatus.Answered;
    }

    /// <summary>Staff tell the resident the answer (反馈); from now on it is public by tracking code.</summary>
    public void FeedBack(string feedback, DateTime nowUtc)
    {
        RequireStatus("feedback", OpinionStatus.Answered);
        Feedback = feedback.Trim();
        FedBackAtUtc = nowUtc;
        Status = OpinionStatus.FedBack;
    }

    /// <summary>办结: after feedback, or at once with a note (answered on the spot, outside our remit).</summary>
    public void Close(string? note, DateTime nowUtc)
    {
        RequireStatus("close", OpinionStatus.Received, OpinionStatus.FedBack);
        if (Status == OpinionStatus.Received)
        {
            if (string.IsNullOrWhiteSpace(note))
            {
                throw new BusinessRuleException("opinion.close_note_required", Text.Of(
                    "未经交办直接办结时,请填写办结说明(将反馈给群众)。", "Closing without referral needs a note for the resident."));
            }
            Feedback = note.Trim();
            FedBackAtUtc = nowUtc;
        }
        Status = OpinionStatus.Closed;
    }

    /// <summary>The resident rates the answer once, after it was fed back.</summary>
    public void Rate(OpinionRating rating, DateTime nowUtc)
    {
        if (Feedback is null || Status is not (OpinionStatus.FedBack or OpinionStatus.Closed))
        {
            throw new ConflictException("opinion.not_fed_back", Text.Of("答复反馈后才能评价。", "You can rate once the answer has been fed back."));
        }
        if (Rating is not null)
        {
            throw new ConflictException("opinion.already_rated", Text.Of("您已经评价过了,感谢您的参与。", "This answer has already been rated."));
        }
        Rating = rating;
        RatedAtUtc = nowUtc;
    }

    private void RequireStatus(string action, params OpinionStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new ConflictException($"opinion.{action}_not_allowed", Text.Of(
                $"该意见当前状态为“{OpinionStatuses.ZhName(Status)}”,不能执行此操作。",
                $"The opinion is {Status}; this action is not allowed now."));
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The Chinese names of the statuses, as residents and staff read them.</summary>
internal static class OpinionStatuses
{
    public static string ZhName(OpinionStatus status) => status switch
    {
        OpinionStatus.Received => "已受理",
        OpinionStatus.Referred => "已转办",
        OpinionStatus.Answered => "已答复",
        OpinionStatus.FedBack => "已反馈",
        _ => "已办结",
    };
}

/// <summary>满意 / 基本满意 / 不满意</summary>
public enum OpinionRating
{
    Satisfied = 0,
    BasicallySatisfied = 1,
    Dissatisfied = 2,
}

/// <summary>Contact a resident chose to leave, for the purpose the form states (to tell them the answer).</summary>
internal sealed record OpinionContact(string? Name, string? Phone);
