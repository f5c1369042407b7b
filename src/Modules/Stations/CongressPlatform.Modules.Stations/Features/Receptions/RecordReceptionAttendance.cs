using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Receptions;

/// <summary>One line of the attendance sheet. <c>Pending</c> clears a mark.</summary>
public sealed record ReceptionAttendanceEntryBody(Guid ParticipantId, ReceptionAttendance Attendance, string? LeaveReason, int? VotersReceived, int? OpinionsGathered);

/// <summary>
/// Staff mark the attendance sheet of a planned event (出席 / 请假 with a reason / 缺席, voters received and opinions gathered).
/// Leave may be recorded before the event; attended and absent only from the event's day on.
/// </summary>
[RequiresPermission(StationsPermissions.ReceptionsManage)]
public sealed record RecordReceptionAttendanceCommand(Guid EventId, IReadOnlyList<ReceptionAttendanceEntryBody> Entries) : ICommand<ReceptionEventDto>;

public sealed record RecordReceptionAttendanceBody(IReadOnlyList<ReceptionAttendanceEntryBody> Entries)
{
    public RecordReceptionAttendanceCommand ToCommand(Guid eventId) => new(eventId, Entries);
}

internal sealed class RecordReceptionAttendanceCommandValidator : AbstractValidator<RecordReceptionAttendanceCommand>
{
    public RecordReceptionAttendanceCommandValidator()
    {
        RuleFor(c => c.Entries).NotNull().NotEmpty().WithMessage(_ => Text.Of("请至少登记一位代表的出勤情况。", "Mark at least one participant."));
        RuleForEach(c => c.Entries).ChildRules(entry =>
        {
            entry.RuleFor(e => e.Attendance).IsInEnum().WithMessage(_ => Text.Of("请选择出席、请假或缺席。", "Choose attended, leave or absent."));
            entry.RuleFor(e => e.LeaveReason).NotEmpty().When(e => e.Attendance == ReceptionAttendance.Leave)
                .WithMessage(_ => Text.Of("请假须填写事由。", "Leave needs a reason."))
                .MaximumLength(200).WithMessage(_ => Text.Of("请假事由不能超过200字。", "The reason may be at most 200 characters."));
            entry.RuleFor(e => e.VotersReceived).InclusiveBetween(0, 10000)
                .WithMessage(_ => Text.Of("接待选民人数须在0到10000之间。", "Voters received must be between 0 and 10000."));
            entry.RuleFor(e => e.OpinionsGathered).InclusiveBetween(0, 10000)
                .WithMessage(_ => Text.Of("收集意见条数须在0到10000之间。", "Opinions gathered must be between 0 and 10000."));
        });
    }
}

internal sealed class RecordReceptionAttendanceCommandHandler(StationsDbContext db, ITenantContext tenant, TimeProvider clock)
    : IRequestHandler<RecordReceptionAttendanceCommand, ReceptionEventDto>
{
    public async Task<ReceptionEventDto> Handle(RecordReceptionAttendanceCommand request, CancellationToken cancellationToken)
    {
        var e = await ReceptionAccess.EventAsync(db, request.EventId, cancellationToken);
        ReceptionAccess.EnsureOwn(e, tenant);
        e.EnsurePlanned();
        var participants = (await ReceptionAccess.ParticipantsAsync(db, e.Id, cancellationToken)).ToDictionary(p => p.Id);
        if (request.Entries.Any(x => x.Attendance is ReceptionAttendance.Attended or ReceptionAttendance.Absent) && e.Date > ChinaTime.Today(clock))
        {
            throw new ConflictException("stations.reception_not_held",
                Text.Of("活动尚未举行,只能提前登记请假;出席或缺席请在活动当天及以后登记。", "The event has not taken place: only leave can be recorded now."));
        }
        foreach (var entry in request.Entries)
        {
            if (!participants.TryGetValue(entry.ParticipantId, out var participant))
            {
                throw new BusinessRuleException("stations.reception_participant_unknown",
                    Text.Of("登记的代表不在本次活动的参加名单中。", "The participant is not on this event's list."));
            }
            participant.Mark(entry.Attendance, entry.LeaveReason, entry.VotersReceived, entry.OpinionsGathered);
        }
        await db.SaveChangesAsync(cancellationToken);
        return await ReceptionAccess.DetailAsync(db, e, cancellationToken);
    }
}
