using CongressPlatform.BuildingBlocks.Notifications;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Rota;

/// <summary>The keeper or staff approve a swap: the two weeks exchange their deputies in one save; both deputies are told.</summary>
[RequiresPermission(StationsPermissions.RotaManage)]
public sealed record ApproveRotaSwapCommand(Guid SwapId) : ICommand<RotaSwapDto>;

/// <summary>The keeper or staff reject a swap; the rota stays as it is and the requester is told.</summary>
[RequiresPermission(StationsPermissions.RotaManage)]
public sealed record RejectRotaSwapCommand(Guid SwapId, string? Note) : ICommand<RotaSwapDto>;

public sealed record RejectRotaSwapBody(string? Note)
{
    public RejectRotaSwapCommand ToCommand(Guid swapId) => new(swapId, Note);
}

internal static class SwapLookup
{
    public static async Task<(RotaSwapRequest Swap, Station Station)> FindAsync(StationsDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var swap = await db.RotaSwapRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("stations.swap_not_found", Text.Of("未找到该调班申请。", "Swap request not found."));
        var station = await RotaAccess.StationAsync(db, swap.StationId, cancellationToken);
        RotaAccess.EnsureMayManage(station, user);
        return (swap, station);
    }
}

internal sealed class ApproveRotaSwapCommandHandler(StationsDbContext db, ICurrentUser user, IMediator sender, INotifier notifier, TimeProvider clock)
    : IRequestHandler<ApproveRotaSwapCommand, RotaSwapDto>
{
    public async Task<RotaSwapDto> Handle(ApproveRotaSwapCommand request, CancellationToken cancellationToken)
    {
        var (swap, station) = await SwapLookup.FindAsync(db, user, request.SwapId, cancellationToken);
        var weeks = await db.RotaWeeks.Where(w => w.Id == swap.RequesterWeekId || w.Id == swap.TargetWeekId).ToListAsync(cancellationToken);
        var mine = weeks.SingleOrDefault(w => w.Id == swap.RequesterWeekId) ?? throw RotaAccess.WeekNotFound();
        var theirs = weeks.SingleOrDefault(w => w.Id == swap.TargetWeekId) ?? throw RotaAccess.WeekNotFound();
        swap.Approve(mine, theirs, user.DisplayName, clock.GetUtcNow().UtcDateTime);
        await RotaNotices.NotifyDeputiesAsync(sender, notifier, station.TenantId, [swap.RequesterDeputyId, swap.TargetDeputyId], RotaNotices.SwapCategory,
            $"调班已批准:{station.Name}",
            $"{swap.RequesterName}与{swap.TargetName}的值班已调换:{swap.RequesterName}改为{swap.TargetWeekStart:M月d日}起的一周,"
            + $"{swap.TargetName}改为{swap.RequesterWeekStart:M月d日}起的一周。",
            "/stations/my-duty", $"stations.duty-swap:{swap.Id}:approved", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return RotaSwapDto.From(swap);
    }
}

internal sealed class RejectRotaSwapCommandHandler(StationsDbContext db, ICurrentUser user, IMediator sender, INotifier notifier, TimeProvider clock)
    : IRequestHandler<RejectRotaSwapCommand, RotaSwapDto>
{
    public async Task<RotaSwapDto> Handle(RejectRotaSwapCommand request, CancellationToken cancellationToken)
    {
        var (swap, station) = await SwapLookup.FindAsync(db, user, request.SwapId, cancellationToken);
        if (request.Note?.Length > 200)
        {
            throw new BusinessRuleException("stations.swap_note_long", Text.Of("驳回理由不能超过200字。", "The note is at most 200 characters."));
        }
        swap.Reject(request.Note, user.DisplayName, clock.GetUtcNow().UtcDateTime);
        await RotaNotices.NotifyDeputiesAsync(sender, notifier, station.TenantId, [swap.RequesterDeputyId], RotaNotices.SwapCategory,
            $"调班未获批准:{station.Name}",
            $"您申请将{swap.RequesterWeekStart:M月d日}起的值班与{swap.TargetName}调换,未获批准。{swap.DecisionNote}",
            "/stations/my-duty", $"stations.duty-swap:{swap.Id}:rejected", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return RotaSwapDto.From(swap);
    }
}
