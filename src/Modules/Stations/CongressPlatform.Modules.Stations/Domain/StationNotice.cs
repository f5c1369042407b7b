using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Stations.Domain;

/// <summary>Where a monthly notice is: a draft staff review, published on the public station page, or withdrawn from it.</summary>
public enum StationNoticeStatus
{
    /// <summary>草稿, waiting for staff review (the job's default)</summary>
    Draft = 0,

    /// <summary>已公示 on the public station page</summary>
    Published = 1,

    /// <summary>已撤回 from the public page (final for its period)</summary>
    Withdrawn = 2,
}

/// <summary>
/// A station's monthly public notice (每月20日公示): what residents raised at the station and what was answered in
/// the period from the day after the previous notice's cut-off to this one's cut-off (the 20th). One per station and
/// cut-off. Items hold scrubbed copies of the opinions' texts, never a resident's name or contact; confidential opinions
/// are not items at all, only counted. Owned by the tenant that runs the station.
/// </summary>
internal sealed class StationNotice : TenantOwnedEntity
{
    private StationNotice()
    {
    }

    public StationNotice(Guid stationId, string stationName, NoticePeriod period, DateTime nowUtc)
    {
        StationId = stationId;
        StationName = stationName;
        PeriodStart = period.Start;
        PeriodEnd = period.End;
        Status = StationNoticeStatus.Draft;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public Guid StationId { get; private set; }
    public string StationName { get; private set; } = string.Empty;
    public DateOnly PeriodStart { get; private set; }

    /// <summary>The cut-off (the 20th); unique per station.</summary>
    public DateOnly PeriodEnd { get; private set; }

    public StationNoticeStatus Status { get; private set; }

    /// <summary>Opinions of the period left out because they are confidential (shown only as a count).</summary>
    public int ConfidentialCount { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }
    public string? PublishedByName { get; private set; }
    public DateTime? WithdrawnAtUtc { get; private set; }
    public string? WithdrawnReason { get; private set; }

    public bool IsDraft => Status == StationNoticeStatus.Draft;

    /// <summary>The job's refresh of a draft: the period may start elsewhere if an earlier notice appeared since.</summary>
    public void Refresh(string stationName, NoticePeriod period, int confidentialCount, DateTime nowUtc)
    {
        RequireDraft();
        StationName = stationName;
        PeriodStart = period.Start;
        ConfidentialCount = confidentialCount;
        UpdatedAtUtc = nowUtc;
    }

    public void Touch(DateTime nowUtc)
    {
        RequireDraft();
        UpdatedAtUtc = nowUtc;
    }

    public void Publish(string byName, DateTime nowUtc)
    {
        RequireDraft();
        Status = StationNoticeStatus.Published;
        PublishedAtUtc = nowUtc;
        PublishedByName = byName.Length > 50 ? byName[..50] : byName;
        UpdatedAtUtc = nowUtc;
    }

    public void Withdraw(string reason, DateTime nowUtc)
    {
        if (Status != StationNoticeStatus.Published)
        {
            throw new ConflictException("stations.notice_not_published", Text.Of("只能撤回已公示的公示。", "Only a published notice can be withdrawn."));
        }
        Status = StationNoticeStatus.Withdrawn;
        WithdrawnAtUtc = nowUtc;
        WithdrawnReason = reason.Trim();
        UpdatedAtUtc = nowUtc;
    }

    public void RequireDraft()
    {
        if (Status != StationNoticeStatus.Draft)
        {
            throw new ConflictException("stations.notice_not_draft", Text.Of(
                $"该公示当前状态为“{StationNotices.ZhName(Status)}”,只有草稿可以修改或公示。",
                $"The notice is {Status}; only a draft can be edited or published."));
        }
    }
}

/// <summary>One opinion on a notice: raised in the period, answered in it, or both. Texts are scrubbed copies.</summary>
internal sealed class StationNoticeItem : TenantOwnedEntity
{
    public const int SummaryMaxLength = 300;
    public const int AnswerMaxLength = 600;

    private StationNoticeItem()
    {
    }

    public StationNoticeItem(Guid noticeId, Guid opinionId)
    {
        NoticeId = noticeId;
        OpinionId = opinionId;
    }

    public Guid NoticeId { get; private set; }
    public Guid OpinionId { get; private set; }
    public string? Category { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public DateOnly? AnsweredOn { get; private set; }
    public bool RaisedInPeriod { get; private set; }
    public bool AnsweredInPeriod { get; private set; }
    public OpinionStatus OpinionStatus { get; private set; }
    public string Summary { get; private set; } = string.Empty;
    public string? Answer { get; private set; }

    /// <summary>Staff rewrote the summary; the job's refresh keeps it.</summary>
    public bool SummaryEdited { get; private set; }

    public bool Excluded { get; private set; }
    public string? ExcludedReason { get; private set; }

    /// <summary>The job's copy of the opinion (a summary staff edited is kept).</summary>
    public void CopyFrom(NoticeItemSource source)
    {
        Category = source.Category;
        ReceivedOn = source.ReceivedOn;
        AnsweredOn = source.AnsweredOn;
        RaisedInPeriod = source.RaisedInPeriod;
        AnsweredInPeriod = source.AnsweredInPeriod;
        OpinionStatus = source.Status;
        if (!SummaryEdited)
        {
            Summary = Cut(NoticeScrubber.Scrub(source.Content, source.Names), SummaryMaxLength);
        }
        Answer = source.Answer is { Length: > 0 } answer ? Cut(NoticeScrubber.Scrub(answer, source.Names), AnswerMaxLength) : null;
    }

    /// <summary>Staff's wording; scrubbed again, so an edit cannot bring a phone number back.</summary>
    public void EditSummary(string summary)
    {
        Summary = Cut(NoticeScrubber.Scrub(summary.Trim(), []), SummaryMaxLength);
        SummaryEdited = true;
    }

    public void Exclude(string reason)
    {
        Excluded = true;
        ExcludedReason = reason.Trim();
    }

    public void Include()
    {
        Excluded = false;
        ExcludedReason = null;
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..(max - 1)] + "…" : text;
}

/// <summary>What the job reads from an opinion for a notice item (the names are the resident's, to be scrubbed out).</summary>
internal sealed record NoticeItemSource(
    Guid OpinionId, string? Category, DateOnly ReceivedOn, DateOnly? AnsweredOn, bool RaisedInPeriod, bool AnsweredInPeriod,
    OpinionStatus Status, string Content, string? Answer, IReadOnlyList<string> Names);

/// <summary>The Chinese names of a notice's statuses.</summary>
internal static class StationNotices
{
    public static string ZhName(StationNoticeStatus status) => status switch
    {
        StationNoticeStatus.Draft => "草稿",
        StationNoticeStatus.Published => "已公示",
        _ => "已撤回",
    };
}
