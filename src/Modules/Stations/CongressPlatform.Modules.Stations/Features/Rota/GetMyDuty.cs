using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Rota;

public sealed record MyRotaWeekDto(Guid Id, Guid StationId, string StationName, DateOnly WeekStart, DateOnly WeekEnd, Guid DeputyId, string DeputyName,
    RotaWeekStatus Status);

/// <param name="Linked">False while the account has no deputy file in the active organisation (the rest is empty).</param>
/// <param name="Weeks">The deputy's weeks from four weeks back on.</param>
/// <param name="SwapOptions">Other deputies' weeks at the same stations, not yet started, that a swap may target.</param>
public sealed record MyDutyDto(bool Linked, Guid? DeputyId, string Name, IReadOnlyList<MyRotaWeekDto> Weeks, IReadOnlyList<MyRotaWeekDto> SwapOptions,
    IReadOnlyList<RotaSwapDto> Requests, IReadOnlyList<DutyLeaveDto> Leaves);

/// <summary>The signed-in deputy's station duty (我的值班): their weeks, the weeks they may ask to swap with, their requests and leave.</summary>
[RequiresPermission(StationsPermissions.RotaSwap)]
public sealed record GetMyDutyQuery : IQuery<MyDutyDto>;

internal sealed class GetMyDutyQueryHandler(StationsDbContext db, IMediator sender, TimeProvider clock) : IRequestHandler<GetMyDutyQuery, MyDutyDto>
{
    public async Task<MyDutyDto> Handle(GetMyDutyQuery request, CancellationToken cancellationToken)
    {
        if (await sender.Send(new GetCurrentDeputyQuery(), cancellationToken) is not { } me)
        {
            return new MyDutyDto(false, null, string.Empty, [], [], [], []);
        }
        var today = ChinaTime.Today(clock);
        var since = RotaPlanner.Monday(today).AddDays(-28);
        var stationIds = await db.StationDeputies.AsNoTracking().Where(a => a.DeputyId == me.DeputyId).Select(a => a.StationId).Distinct()
            .ToListAsync(cancellationToken);
        var names = await db.Stations.AsNoTracking().Where(s => stationIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var weeks = await db.RotaWeeks.AsNoTracking()
            .Where(w => stationIds.Contains(w.StationId) && w.WeekStart >= since && w.Status != RotaWeekStatus.Draft)
            .OrderBy(w => w.WeekStart).ThenBy(w => w.StationId).ToListAsync(cancellationToken);
        MyRotaWeekDto Dto(RotaWeek w) => new(w.Id, w.StationId, names.GetValueOrDefault(w.StationId, ""), w.WeekStart, w.WeekEnd, w.DeputyId,
            w.DeputyName, w.Status);
        var mine = weeks.Where(w => w.DeputyId == me.DeputyId).Select(Dto).ToList();
        var options = weeks.Where(w => w.DeputyId != me.DeputyId && w.WeekStart > today && !w.IsClosed).Select(Dto).ToList();
        var requests = await db.RotaSwapRequests.AsNoTracking()
            .Where(r => r.RequesterDeputyId == me.DeputyId || r.TargetDeputyId == me.DeputyId)
            .OrderByDescending(r => r.CreatedAtUtc).Take(50).ToListAsync(cancellationToken);
        var leaves = await db.DutyLeaves.AsNoTracking().Where(l => l.DeputyId == me.DeputyId && l.To >= since).OrderBy(l => l.From)
            .ToListAsync(cancellationToken);
        return new MyDutyDto(true, me.DeputyId, me.Name, mine, options, requests.Select(RotaSwapDto.From).ToList(),
            leaves.Select(DutyLeaveDto.Of).ToList());
    }
}
