namespace CongressPlatform.Modules.Deputies.Contracts;

/// <summary>The kinds of duty a deputy's archive records (履职记录类别).</summary>
public enum DutyKind
{
    /// <summary>参加集中学习</summary>
    StudyAttended = 0,

    /// <summary>参加视察、调研、执法检查</summary>
    InspectionJoined = 1,

    /// <summary>进站履职(联络站值班接待)</summary>
    StationDutyServed = 2,

    /// <summary>接待选民、收集社情民意</summary>
    VotersReceived = 3,

    /// <summary>提出建议、议案</summary>
    SuggestionRaised = 4,

    /// <summary>为民办实事、一对一帮扶</summary>
    DeedForPeople = 5,

    /// <summary>向选民述职</summary>
    ReportBackGiven = 6,

    /// <summary>参加代表小组活动</summary>
    GroupActivity = 7,
}

/// <summary>Whether the deputy took part (出席), was excused (请假, with a reason) or was absent without leave (缺席).</summary>
public enum DutyAttendance
{
    Attended = 0,
    Leave = 1,
    Absent = 2,
}

public static class DutyKindNames
{
    public static string Zh(DutyKind kind) => kind switch
    {
        DutyKind.StudyAttended => "参加学习",
        DutyKind.InspectionJoined => "视察调研",
        DutyKind.StationDutyServed => "进站履职",
        DutyKind.VotersReceived => "接待选民",
        DutyKind.SuggestionRaised => "提出建议",
        DutyKind.DeedForPeople => "为民办实事",
        DutyKind.ReportBackGiven => "向选民述职",
        DutyKind.GroupActivity => "小组活动",
        _ => kind.ToString(),
    };
}
