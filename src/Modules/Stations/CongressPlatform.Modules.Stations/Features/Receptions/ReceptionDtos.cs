using CongressPlatform.Modules.Stations.Domain;

namespace CongressPlatform.Modules.Stations.Features.Receptions;

public sealed record ReceptionVenueDto(Guid StationId, string StationName);

/// <param name="VenueName">The station's name, or null for online and dispersed reception.</param>
public sealed record ReceptionParticipantDto(
    Guid Id, Guid DeputyId, string DeputyName, ReceptionVenueKind VenueKind, Guid? StationId, string? VenueName, ReceptionAttendance Attendance,
    string? LeaveReason, int? VotersReceived, int? OpinionsGathered);

/// <summary>An event with its venues, its participants' attendance sheet and the totals.</summary>
public sealed record ReceptionEventDto(
    Guid Id, string Title, string? Theme, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, ReceptionEventStatus Status, string? OnlineChannel,
    IReadOnlyList<ReceptionVenueDto> Venues, IReadOnlyList<ReceptionParticipantDto> Participants, int AttendedCount, int OnlineAttendedCount,
    int LeaveCount, int VotersReceived, int OpinionsGathered, string? ClosedByName, DateTime? ClosedAtUtc, Guid Version)
{
    internal static ReceptionEventDto From(ReceptionEvent e, IReadOnlyList<ReceptionVenue> venues, IReadOnlyList<ReceptionParticipant> participants)
    {
        var names = venues.ToDictionary(v => v.StationId, v => v.StationName);
        var attended = participants.Where(p => p.Attendance == ReceptionAttendance.Attended).ToList();
        return new ReceptionEventDto(e.Id, e.Title, e.Theme, e.Date, e.StartTime, e.EndTime, e.Status, e.OnlineChannel,
            venues.OrderBy(v => v.StationName, StringComparer.Ordinal).Select(v => new ReceptionVenueDto(v.StationId, v.StationName)).ToList(),
            participants.OrderBy(p => p.VenueKind).ThenBy(p => p.StationId is { } s ? names.GetValueOrDefault(s) : null, StringComparer.Ordinal)
                .ThenBy(p => p.DeputyName, StringComparer.Ordinal)
                .Select(p => new ReceptionParticipantDto(p.Id, p.DeputyId, p.DeputyName, p.VenueKind, p.StationId,
                    p.StationId is { } id ? names.GetValueOrDefault(id) : null, p.Attendance, p.LeaveReason, p.VotersReceived, p.OpinionsGathered))
                .ToList(),
            attended.Count, attended.Count(p => p.VenueKind == ReceptionVenueKind.Online),
            participants.Count(p => p.Attendance == ReceptionAttendance.Leave), attended.Sum(p => p.VotersReceived ?? 0),
            attended.Sum(p => p.OpinionsGathered ?? 0), e.ClosedByName, e.ClosedAtUtc, e.Version);
    }
}

/// <summary>A row of the event list.</summary>
public sealed record ReceptionEventSummaryDto(
    Guid Id, string Title, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, ReceptionEventStatus Status, int StationCount, bool Online,
    int ParticipantCount, int AttendedCount, int LeaveCount);
