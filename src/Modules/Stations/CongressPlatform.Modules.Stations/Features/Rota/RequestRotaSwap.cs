using CongressPlatform.BuildingBlocks.Notifications;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Rota;

/// <summary>
/// The signed-in deputy asks to exchange their week (<see cref="MyWeekId"/>) with another deputy's week at the same
/// station (<see cref="TargetWeekId"/>). Both weeks must be open and not yet started, both deputies still assigned,
/// and neither week in another pending request (409). Only the deputy of a week may offer it (403).
/// </summary>
[RequiresPermission(StationsPermissions.RotaSwap)]
public sealed record RequestRotaSwapCommand(Guid MyWeekId, Guid TargetWeekId, string? Reason) : ICommand<RotaSwapDto>;

internal sealed class RequestRotaSwapCommandValidator : AbstractValidator<RequestRotaSwapCommand>
{
    public RequestRotaSwapCommandValidator() => RuleFor(c => c.Reason).MaximumLength(200).WithMessage(_ => Text.Of("调班理由不能超过200字。", "The reason may be at most 200 characters."));
}

internal sealed class RequestRotaSwapCommandHandler(StationsDbContext db, IMediator sender, INotifier notifier, TimeProvider clock)
    : IRequestHandler<RequestRotaSwapCommand, RotaSwapDto>
{
    public async Task<RotaSwapDto> Handle(RequestRotaSwapCommand request, CancellationToken cancellationToken)
    {
        var me = await RotaAccess.MeAsync(sender, cancellationToken);
        var mine = await db.RotaWeeks.SingleOrDefaultAsync(w => w.Id == request.MyWeekId, cancellationToken) ?? throw RotaAccess.WeekNotFound();
        if (mine.DeputyId != me.DeputyId)
        {
            throw new ForbiddenException("stations.swap_not_yours", Text.Of("只能申请调换本人的值班周。", "You can only offer your own week."));
        }
        var theirs = await db.RotaWeeks.SingleOrDefaultAsync(w => w.Id == request.TargetWeekId, cancellationToken) ?? throw RotaAccess.WeekNotFound();
        var today = ChinaTime.Today(clock);
        if (mine.IsClosed || theirs.IsClosed || mine.WeekStart <= today || theirs.WeekStart <= today)
        {
            throw new ConflictException("stations.swap_week_started",
                Text.Of("已开始或已确认的值班周不能调换。", "A week that has started or been confirmed cannot be swapped."));
        }
        if (await db.RotaSwapRequests.AnyAsync(r => r.Status == RotaSwapStatus.Pending
                && (r.RequesterWeekId == mine.Id || r.TargetWeekId == mine.Id || r.RequesterWeekId == theirs.Id || r.TargetWeekId == theirs.Id),
                cancellationToken))
        {
            throw new ConflictException("stations.swap_pending",
                Text.Of("这两个值班周已有待审批的调班申请,请等待处理。", "One of the weeks already has a pending swap request."));
        }
        var swap = new RotaSwapRequest(mine, theirs, request.Reason, clock.GetUtcNow().UtcDateTime);
        var assigned = await db.StationDeputies.AsNoTracking()
            .CountAsync(a => a.StationId == mine.StationId && a.EndedOn == null && (a.DeputyId == mine.DeputyId || a.DeputyId == theirs.DeputyId),
                cancellationToken);
        if (assigned < 2)
        {
            throw new ConflictException("stations.swap_not_assigned",
                Text.Of("调班双方须都是本站的进站代表。", "Both deputies must be assigned to the station."));
        }
        ((ITenantOwned)swap).AssignTenant(mine.TenantId, mine.TenantPath);
        db.RotaSwapRequests.Add(swap);
        var station = await db.Stations.AsNoTracking().SingleAsync(s => s.Id == mine.StationId, cancellationToken);
        if (station.KeeperUserId is { } keeper)
        {
            await notifier.NotifyAsync(new()
            {
                TenantId = station.TenantId,
                RecipientUserIds = [keeper],
                Category = RotaNotices.SwapCategory,
                Title = $"调班申请:{swap.RequesterName}",
                Body = $"{swap.RequesterName}申请将{swap.RequesterWeekStart:M月d日}起的值班与{swap.TargetName}{swap.TargetWeekStart:M月d日}起的值班调换,请审批。",
                Link = $"/stations/rota/{station.Id}",
            }, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return RotaSwapDto.From(swap);
    }
}
