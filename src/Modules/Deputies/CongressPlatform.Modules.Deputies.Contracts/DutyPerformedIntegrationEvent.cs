using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Contracts;

/// <summary>
/// The one way another module adds to a deputy's duty archive (履职档案): publish this from the module's outbox
/// when a deputy studied, inspected, served at a station, received voters, raised a suggestion… The archive keeps
/// one record per <see cref="SourceModule"/>, <see cref="SourceId"/> and deputy, so publishing it again changes nothing.
/// </summary>
/// <param name="DeputyId">The deputy (person) id from the Deputies module.</param>
/// <param name="TenantId">The street, township or district where the duty took place.</param>
/// <param name="SourceModule">The publishing module, e.g. <c>stations</c>.</param>
/// <param name="SourceId">The publisher's id of the act (duty slot, attendance row…), stable across retries.</param>
/// <param name="Title">What happened, in Chinese, as the archive shows it (「东柳社区联络站进站接待」).</param>
/// <param name="Attendance">Attended, on leave (with <see cref="LeaveReason"/>) or absent.</param>
/// <param name="Evidence">A short note or a link path to the source item.</param>
public sealed record DutyPerformedIntegrationEvent(
    Guid DeputyId,
    Guid TenantId,
    DutyKind Kind,
    DateOnly OccurredOn,
    string Title,
    string SourceModule,
    string SourceId,
    DutyAttendance Attendance = DutyAttendance.Attended,
    string? LeaveReason = null,
    string? Evidence = null) : IntegrationEvent;
