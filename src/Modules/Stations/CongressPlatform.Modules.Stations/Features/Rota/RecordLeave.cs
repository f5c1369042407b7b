using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Rota;

/// <summary>Staff record a deputy's leave from station duty (请假); the next generation skips the weeks it touches.</summary>
[RequiresPermission(StationsPermissions.RotaManage)]
public sealed record RecordDutyLeaveCommand(Guid DeputyId, DateOnly From, DateOnly To, string Reason) : ICommand<DutyLeaveDto>, ILeaveRequest;

/// <summary>A deputy records their own leave.</summary>
[RequiresPermission(StationsPermissions.RotaSwap)]
public sealed record RecordMyDutyLeaveCommand(DateOnly From, DateOnly To, string Reason) : ICommand<DutyLeaveDto>, ILeaveRequest;

/// <summary>What staff and a deputy recording leave both give: a reason and a date range.</summary>
internal interface ILeaveRequest
{
    DateOnly From { get; }

    DateOnly To { get; }

    string Reason { get; }
}

/// <summary>The rules of a leave, whoever records it.</summary>
internal abstract class LeaveRequestValidator<T> : AbstractValidator<T>
    where T : ILeaveRequest
{
    protected LeaveRequestValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => Text.Of("请填写请假事由。", "Give the reason for the leave."))
            .MaximumLength(200).WithMessage(_ => Text.Of("请假事由不能超过200字。", "The reason may be at most 200 characters."));
        RuleFor(c => c.To).GreaterThanOrEqualTo(c => c.From)
            .WithMessage(_ => Text.Of("请假结束日期不能早于开始日期。", "The leave cannot end before it starts."));
    }
}

internal sealed class RecordDutyLeaveCommandValidator : LeaveRequestValidator<RecordDutyLeaveCommand>;

internal sealed class RecordMyDutyLeaveCommandValidator : LeaveRequestValidator<RecordMyDutyLeaveCommand>;

internal sealed class RecordDutyLeaveCommandHandler(StationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RecordDutyLeaveCommand, DutyLeaveDto>
{
    public async Task<DutyLeaveDto> Handle(RecordDutyLeaveCommand request, CancellationToken cancellationToken)
    {
        // The deputy must be one of the active scope's station deputies: their name comes from the assignment.
        var name = await db.StationDeputies.AsNoTracking().Where(a => a.DeputyId == request.DeputyId)
            .Select(a => a.DeputyName).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("stations.deputy_not_found", Text.Of("本单位联络站没有这位代表。", "No station of yours has this deputy."));
        var leave = new DutyLeave(request.DeputyId, name, request.From, request.To, request.Reason, user.DisplayName, clock.GetUtcNow().UtcDateTime);
        db.DutyLeaves.Add(leave);
        await db.SaveChangesAsync(cancellationToken);
        return DutyLeaveDto.Of(leave);
    }
}

internal sealed class RecordMyDutyLeaveCommandHandler(StationsDbContext db, IMediator sender, TimeProvider clock)
    : IRequestHandler<RecordMyDutyLeaveCommand, DutyLeaveDto>
{
    public async Task<DutyLeaveDto> Handle(RecordMyDutyLeaveCommand request, CancellationToken cancellationToken)
    {
        var me = await RotaAccess.MeAsync(sender, cancellationToken);
        var leave = new DutyLeave(me.DeputyId, me.Name, request.From, request.To, request.Reason, me.Name, clock.GetUtcNow().UtcDateTime);
        db.DutyLeaves.Add(leave);
        await db.SaveChangesAsync(cancellationToken);
        return DutyLeaveDto.Of(leave);
    }
}
