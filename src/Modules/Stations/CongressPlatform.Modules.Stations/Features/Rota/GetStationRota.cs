using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Rota;

public sealed record RotaDeputyDto(Guid DeputyId, string Name, DateOnly AssignedOn, DateOnly? EndedOn);

public sealed record StationRotaDto(
    Guid StationId, string StationName, DateOnly From, DateOnly To, IReadOnlyList<RotaDeputyDto> Deputies, IReadOnlyList<RotaWeekDto> Weeks,
    IReadOnlyList<RotaSwapDto> Swaps, IReadOnlyList<DutyLeaveDto> Leaves);

/// <summary>
/// A station's rota for a period (default: four weeks back to twelve ahead), with its deputies, the swap requests still
/// pending and those decided in the period, and the deputies' leave in it.
/// </summary>
[RequiresPermission(StationsPermissions.RotaRead)]
public sealed record GetStationRotaQuery(Guid StationId, DateOnly? From, DateOnly? To) : IQuery<StationRotaDto>;

internal sealed class GetStationRotaQueryValidator : AbstractValidator<GetStationRotaQuery>
{
    public GetStationRotaQueryValidator() =>
        RuleFor(q => q.To).Must((q, to) => to is null || q.From is null || (to.Value.DayNumber - q.From.Value.DayNumber) is >= 0 and <= 400)
            .WithMessage(_ => Text.Of("查询时段应在一年以内且结束日期不早于开始日期。", "The period must be at most a year and end on or after its start."));
}

internal sealed class GetStationRotaQueryHandler(StationsDbContext db, TimeProvider clock) : IRequestHandler<GetStationRotaQuery, StationRotaDto>
{
    public async Task<StationRotaDto> Handle(GetStationRotaQuery request, CancellationToken cancellationToken)
    {
        var station = await RotaAccess.StationAsync(db, request.StationId, cancellationToken);
        var today = ChinaTime.Today(clock);
        var from = RotaPlanner.Monday(request.From ?? today.AddDays(-28));
        var to = request.To ?? from.AddDays(7 * 16 - 1);
        var deputies = await db.StationDeputies.AsNoTracking().Where(a => a.StationId == station.Id)
            .OrderBy(a => a.EndedOn != null).ThenBy(a => a.DeputyName)
            .Select(a => new RotaDeputyDto(a.DeputyId, a.DeputyName, a.AssignedOn, a.EndedOn)).ToListAsync(cancellationToken);
        var weeks = await db.RotaWeeks.AsNoTracking().Where(w => w.StationId == station.Id && w.WeekStart >= from && w.WeekStart <= to)
            .OrderBy(w => w.WeekStart).ToListAsync(cancellationToken);
        var swaps = await db.RotaSwapRequests.AsNoTracking()
            .Where(r => r.StationId == station.Id && (r.Status == RotaSwapStatus.Pending || r.CreatedAtUtc >= from.ToDateTime(TimeOnly.MinValue)))
            .OrderBy(r => r.Status).ThenByDescending(r => r.CreatedAtUtc).ToListAsync(cancellationToken);
        var ids = deputies.Select(d => d.DeputyId).ToList();
        var end = to.AddDays(6);
        var leaves = await db.DutyLeaves.AsNoTracking().Where(l => ids.Contains(l.DeputyId) && l.From <= end && l.To >= from)
            .OrderBy(l => l.From).ToListAsync(cancellationToken);
        return new StationRotaDto(station.Id, station.Name, from, to, deputies, weeks.Select(RotaWeekDto.From).ToList(),
            swaps.Select(RotaSwapDto.From).ToList(), leaves.Select(DutyLeaveDto.Of).ToList());
    }
}
