using CongressPlatform.Modules.Stations.Domain;

namespace CongressPlatform.Modules.Stations.Features.Rota;

public sealed record RotaWeekDto(
    Guid Id, Guid StationId, DateOnly WeekStart, DateOnly WeekEnd, Guid DeputyId, string DeputyName, RotaWeekStatus Status, bool IsManual,
    bool Reminded, string? ConfirmedByName, DateTime? ConfirmedAtUtc, string? Note, Guid Version)
{
    internal static RotaWeekDto From(RotaWeek w) => new(w.Id, w.StationId, w.WeekStart, w.WeekStart.AddDays(6), w.DeputyId, w.DeputyName, w.Status,
        w.IsManual, w.ReminderSentAtUtc is not null, w.ConfirmedByName, w.ConfirmedAtUtc, w.Note, w.Version);
}

public sealed record RotaSwapDto(
    Guid Id, Guid StationId, Guid RequesterWeekId, Guid RequesterDeputyId, string RequesterName, DateOnly RequesterWeekStart,
    Guid TargetWeekId, Guid TargetDeputyId, string TargetName, DateOnly TargetWeekStart, string? Reason, RotaSwapStatus Status,
    string? DecidedByName, DateTime? DecidedAtUtc, string? DecisionNote, DateTime CreatedAtUtc)
{
    internal static RotaSwapDto From(RotaSwapRequest r) => new(r.Id, r.StationId, r.RequesterWeekId, r.RequesterDeputyId, r.RequesterName,
        r.RequesterWeekStart, r.TargetWeekId, r.TargetDeputyId, r.TargetName, r.TargetWeekStart, r.Reason, r.Status, r.DecidedByName,
        r.DecidedAtUtc, r.DecisionNote, r.CreatedAtUtc);
}

public sealed record DutyLeaveDto(Guid Id, Guid DeputyId, string DeputyName, DateOnly From, DateOnly To, string Reason, string RecordedByName)
{
    internal static DutyLeaveDto Of(DutyLeave l) => new(l.Id, l.DeputyId, l.DeputyName, l.From, l.To, l.Reason, l.RecordedByName);
}
