using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Features.Rota;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Receptions;

/// <summary>A deputy asks for leave (请假) from a reception event they take part in, with a reason, before it starts.</summary>
[RequiresPermission(StationsPermissions.ReceptionsAttend)]
public sealed record RequestReceptionLeaveCommand(Guid EventId, string Reason) : ICommand<MyReceptionDto>;

public sealed record RequestReceptionLeaveBody(string Reason)
{
    public RequestReceptionLeaveCommand ToCommand(Guid eventId) => new(eventId, Reason);
}

internal sealed class RequestReceptionLeaveCommandValidator : AbstractValidator<RequestReceptionLeaveCommand>
{
    public RequestReceptionLeaveCommandValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => Text.Of("请填写请假事由。", "Give the reason for the leave."))
            .MaximumLength(200).WithMessage(_ => Text.Of("请假事由不能超过200字。", "The reason may be at most 200 characters."));
}

internal sealed class RequestReceptionLeaveCommandHandler(StationsDbContext db, IMediator sender, TimeProvider clock)
    : IRequestHandler<RequestReceptionLeaveCommand, MyReceptionDto>
{
    public async Task<MyReceptionDto> Handle(RequestReceptionLeaveCommand request, CancellationToken cancellationToken)
    {
        var me = await RotaAccess.MeAsync(sender, cancellationToken);
        var e = await ReceptionAccess.EventAsync(db, request.EventId, cancellationToken);
        var participant = await db.ReceptionParticipants.SingleOrDefaultAsync(p => p.EventId == e.Id && p.DeputyId == me.DeputyId, cancellationToken)
            ?? throw ReceptionAccess.EventNotFound();
        e.EnsurePlanned();
        if (!e.HasNotStarted(ReceptionAccess.NowInChina(clock)))
        {
            throw new ConflictException("stations.reception_started",
                Text.Of("活动已开始,不能再请假,请联系人大工作人员。", "The event has started; ask the staff instead."));
        }
        participant.Mark(ReceptionAttendance.Leave, request.Reason, null, null);
        await db.SaveChangesAsync(cancellationToken);
        var stationName = participant.StationId is { } s ? await db.Stations.AsNoTracking().Where(x => x.Id == s).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken) : null;
        return new MyReceptionDto(e.Id, participant.Id, e.Title, e.Theme, e.Date, e.StartTime, e.EndTime, e.Status, participant.VenueKind, stationName,
            e.OnlineChannel, participant.Attendance, participant.LeaveReason, false);
    }
}
