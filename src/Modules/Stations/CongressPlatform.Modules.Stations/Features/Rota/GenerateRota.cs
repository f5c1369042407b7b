using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Rota;

/// <param name="Created">Weeks given a deputy by this generation (new or re-planned drafts).</param>
/// <param name="Kept">Weeks kept as they were: published, confirmed or set by hand.</param>
/// <param name="Unfilled">Weeks nobody could take (all assigned deputies on leave); set them by hand.</param>
public sealed record GenerateRotaResultDto(int Created, int Kept, IReadOnlyList<DateOnly> Unfilled, IReadOnlyList<RotaWeekDto> Weeks);

/// <summary>
/// Plans the station's weeks (Monday–Sunday) that meet [<see cref="From"/>, <see cref="To"/>] fairly among its deputies
/// (<see cref="RotaPlanner"/>). Published, confirmed and hand-set weeks stay; drafts are planned again. With
/// <see cref="Publish"/> the planned weeks become public at once; weeks starting within three days are always published,
/// so that the public page shows every week at least three days ahead.
/// </summary>
[RequiresPermission(StationsPermissions.RotaManage)]
public sealed record GenerateRotaCommand(Guid StationId, DateOnly From, DateOnly To, bool Publish) : ICommand<GenerateRotaResultDto>;

public sealed record GenerateRotaBody(DateOnly From, DateOnly To, bool Publish = false)
{
    public GenerateRotaCommand ToCommand(Guid stationId) => new(stationId, From, To, Publish);
}

internal sealed class GenerateRotaCommandValidator : AbstractValidator<GenerateRotaCommand>
{
    public GenerateRotaCommandValidator() => RuleFor(c => c.To).GreaterThanOrEqualTo(c => c.From).WithMessage(_ => Text.Of("结束日期不能早于开始日期。", "The end date cannot be before the start date."));
}

internal sealed class GenerateRotaCommandHandler(StationsDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<GenerateRotaCommand, GenerateRotaResultDto>
{
    public async Task<GenerateRotaResultDto> Handle(GenerateRotaCommand request, CancellationToken cancellationToken)
    {
        var station = await RotaAccess.StationAsync(db, request.StationId, cancellationToken);
        RotaAccess.EnsureMayManage(station, user);
        if (!station.IsActive)
        {
            throw new ConflictException("stations.station_inactive", Text.Of("该联络站已停用,不能排班。", "The station is inactive."));
        }
        var weeks = RotaPlanner.Weeks(request.From, request.To);
        var (first, last) = (weeks[0], weeks[^1]);
        var existing = await db.RotaWeeks.Where(w => w.StationId == station.Id && w.WeekStart >= first && w.WeekStart <= last)
            .ToDictionaryAsync(w => w.WeekStart, cancellationToken);
        var candidates = await RotaAccess.CandidatesAsync(db, station.Id, cancellationToken);
        var ids = candidates.Select(c => c.DeputyId).Distinct().ToList();
        var end = last.AddDays(6);
        var leaves = await db.DutyLeaves.AsNoTracking().Where(l => ids.Contains(l.DeputyId) && l.From <= end && l.To >= first)
            .Select(l => new RotaLeave(l.DeputyId, l.From, l.To)).ToListAsync(cancellationToken);
        var history = await db.RotaWeeks.AsNoTracking()
            .Where(w => w.StationId == station.Id && w.WeekStart < first && w.Status != RotaWeekStatus.Absent && w.Status != RotaWeekStatus.Leave)
            .GroupBy(w => w.DeputyId).Select(g => new { DeputyId = g.Key, Last = g.Max(w => w.WeekStart) }).ToListAsync(cancellationToken);
        var kept = existing.Values.Where(w => w.IsKept).ToDictionary(w => w.WeekStart, w => w.DeputyId);

        var plan = RotaPlanner.Plan(new RotaPlanInput(request.From, request.To, candidates, leaves, kept,
            history.ToDictionary(h => h.DeputyId, h => h.Last)));

        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Today(clock);
        foreach (var (weekStart, deputy) in plan.Assigned)
        {
            if (existing.TryGetValue(weekStart, out var draft))
            {
                draft.Replan(deputy.DeputyId, deputy.Name, now);
            }
            else
            {
                draft = new RotaWeek(station.Id, weekStart, deputy.DeputyId, deputy.Name, now);
                ((ITenantOwned)draft).AssignTenant(station.TenantId, station.TenantPath);
                db.RotaWeeks.Add(draft);
                existing[weekStart] = draft;
            }
            if (request.Publish || RotaWeek.MustBePublic(weekStart, today))
            {
                draft.Publish(now);
            }
        }
        foreach (var unfilled in plan.Unfilled)
        {
            if (existing.Remove(unfilled, out var stale) && !stale.IsKept)
            {
                db.RotaWeeks.Remove(stale);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new GenerateRotaResultDto(plan.Assigned.Count, kept.Count, plan.Unfilled,
            existing.Values.OrderBy(w => w.WeekStart).Select(RotaWeekDto.From).ToList());
    }
}
