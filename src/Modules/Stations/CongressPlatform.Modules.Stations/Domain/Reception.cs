using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Stations.Domain;

/// <summary>Where a reception event is: planned, held and closed (duty records sent to the archive), or cancelled.</summary>
public enum ReceptionEventStatus
{
    /// <summary>计划中</summary>
    Planned = 0,

    /// <summary>已结束: attendance is final and each participant's duty record went to the archive.</summary>
    Closed = 1,

    /// <summary>已取消</summary>
    Cancelled = 2,
}

/// <summary>How a participant receives voters at the event ("线下线上同步,集中分散结合").</summary>
public enum ReceptionVenueKind
{
    /// <summary>At one of the event's stations (线下).</summary>
    Station = 0,

    /// <summary>Online through the event's channel (线上).</summary>
    Online = 1,

    /// <summary>In the deputy's own constituency (分散).</summary>
    Dispersed = 2,
}

/// <summary>A participant's attendance; <c>Pending</c> until staff mark it or the deputy asks for leave.</summary>
public enum ReceptionAttendance
{
    Pending = 0,
    Attended = 1,
    Leave = 2,
    Absent = 3,
}

/// <summary>
/// A centralised reception event (集中接待选民活动) of the tenant: at the same time, deputies receive voters at several
/// stations, online, or in their own constituencies. Its venues and participants are rows of their own.
/// </summary>
internal sealed class ReceptionEvent : TenantOwnedEntity
{
    private ReceptionEvent()
    {
    }

    public ReceptionEvent(ReceptionSchedule schedule, DateTime nowUtc)
    {
        Reschedule(schedule);
        Status = ReceptionEventStatus.Planned;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public string Title { get; private set; } = string.Empty;
    public string? Theme { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly StartTime { get; private set; }
    public TimeOnly EndTime { get; private set; }

    /// <summary>The online venue (a WeChat group, a video link); null when nobody receives online.</summary>
    public string? OnlineChannel { get; private set; }

    public ReceptionEventStatus Status { get; private set; }
    public string? ClosedByName { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Whether the event's start (Beijing time) is still ahead of <paramref name="nowInChina"/>.</summary>
    public bool HasNotStarted(DateTime nowInChina) => Date.ToDateTime(StartTime) > nowInChina;

    public void Update(ReceptionSchedule schedule, DateTime nowUtc)
    {
        EnsurePlanned();
        Reschedule(schedule);
        UpdatedAtUtc = nowUtc;
    }

    public void Cancel(DateTime nowUtc)
    {
        EnsurePlanned();
        Status = ReceptionEventStatus.Cancelled;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Closes a held event whose every participant is marked; the caller publishes the duty records in the same save.</summary>
    public void Close(IReadOnlyCollection<ReceptionParticipant> participants, string closedByName, DateOnly today, DateTime nowUtc)
    {
        EnsurePlanned();
        if (Date > today)
        {
            throw new ConflictException("stations.reception_not_held",
                Text.Of("活动尚未举行,举行后才能结束并归档。", "The event has not taken place yet; close it afterwards."));
        }
        var pending = participants.Where(p => p.Attendance == ReceptionAttendance.Pending).Select(p => p.DeputyName).ToList();
        if (pending.Count > 0)
        {
            throw new BusinessRuleException("stations.reception_attendance_incomplete", Text.Of(
                $"还有{pending.Count}位代表未登记出勤情况({string.Join("、", pending.Take(5))}),请登记出席、请假或缺席后再结束活动。",
                $"{pending.Count} participant(s) have no attendance yet ({string.Join(", ", pending.Take(5))}); mark each before closing."));
        }
        Status = ReceptionEventStatus.Closed;
        ClosedByName = closedByName;
        ClosedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }

    public void EnsurePlanned()
    {
        if (Status != ReceptionEventStatus.Planned)
        {
            throw new ConflictException(Status == ReceptionEventStatus.Closed ? "stations.reception_closed" : "stations.reception_cancelled",
                Status == ReceptionEventStatus.Closed
                    ? Text.Of("该集中接待活动已结束归档,不能再更改。", "The reception event is closed and cannot change.")
                    : Text.Of("该集中接待活动已取消,不能再更改。", "The reception event is cancelled and cannot change."));
        }
    }

    private void Reschedule(ReceptionSchedule schedule)
    {
        if (schedule.EndTime <= schedule.StartTime)
        {
            throw new BusinessRuleException("stations.reception_times", Text.Of("结束时间须晚于开始时间。", "The event must end after it starts."));
        }
        Title = schedule.Title.Trim();
        Theme = string.IsNullOrWhiteSpace(schedule.Theme) ? null : schedule.Theme.Trim();
        Date = schedule.Date;
        StartTime = schedule.StartTime;
        EndTime = schedule.EndTime;
        OnlineChannel = string.IsNullOrWhiteSpace(schedule.OnlineChannel) ? null : schedule.OnlineChannel.Trim();
    }
}

/// <summary>What staff set of an event: its title and theme, when it is, and its online channel (if any).</summary>
internal sealed record ReceptionSchedule(string Title, string? Theme, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, string? OnlineChannel);

/// <summary>A station where the event receives voters offline; the station's name is copied for history.</summary>
internal sealed class ReceptionVenue : TenantOwnedEntity
{
    private ReceptionVenue()
    {
    }

    public ReceptionVenue(Guid eventId, Guid stationId, string stationName)
    {
        EventId = eventId;
        StationId = stationId;
        StationName = stationName;
    }

    public Guid EventId { get; private set; }
    public Guid StationId { get; private set; }
    public string StationName { get; private set; } = string.Empty;
}

/// <summary>A deputy taking part in the event at one venue, with the attendance staff record (or the deputy's leave).</summary>
internal sealed class ReceptionParticipant : TenantOwnedEntity
{
    private ReceptionParticipant()
    {
    }

    public ReceptionParticipant(Guid eventId, Guid deputyId, string deputyName, ReceptionVenueKind venueKind, Guid? stationId)
    {
        EventId = eventId;
        DeputyId = deputyId;
        DeputyName = deputyName;
        Attendance = ReceptionAttendance.Pending;
        MoveTo(venueKind, stationId);
    }

    public Guid EventId { get; private set; }
    public Guid DeputyId { get; private set; }
    public string DeputyName { get; private set; } = string.Empty;
    public ReceptionVenueKind VenueKind { get; private set; }

    /// <summary>The station when <see cref="VenueKind"/> is <c>Station</c>.</summary>
    public Guid? StationId { get; private set; }

    public ReceptionAttendance Attendance { get; private set; }
    public string? LeaveReason { get; private set; }
    public int? VotersReceived { get; private set; }
    public int? OpinionsGathered { get; private set; }

    public void MoveTo(ReceptionVenueKind venueKind, Guid? stationId)
    {
        if ((venueKind == ReceptionVenueKind.Station) != stationId.HasValue)
        {
            throw new BusinessRuleException("stations.reception_participant_venue",
                Text.Of("在联络站接待的代表须选择联络站,线上或分散接待的代表不选联络站。", "A deputy at a station needs the station; online or dispersed needs none."));
        }
        VenueKind = venueKind;
        StationId = stationId;
    }

    /// <summary>Marks attendance. Leave needs a reason; the counts belong only to a deputy who attended.</summary>
    public void Mark(ReceptionAttendance attendance, string? leaveReason, int? votersReceived, int? opinionsGathered)
    {
        if (attendance == ReceptionAttendance.Leave && string.IsNullOrWhiteSpace(leaveReason))
        {
            throw new BusinessRuleException("stations.reception_leave_reason", Text.Of($"请填写{DeputyName}的请假事由。", $"Give {DeputyName}'s reason for the leave."));
        }
        Attendance = attendance;
        LeaveReason = attendance == ReceptionAttendance.Leave ? leaveReason!.Trim() : null;
        VotersReceived = attendance == ReceptionAttendance.Attended ? votersReceived : null;
        OpinionsGathered = attendance == ReceptionAttendance.Attended ? opinionsGathered : null;
    }
}
