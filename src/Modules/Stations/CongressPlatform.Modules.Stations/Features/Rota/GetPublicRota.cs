using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Rota;

public sealed record PublicRotaWeekDto(DateOnly WeekStart, DateOnly WeekEnd, string DeputyName);

public sealed record PublicRotaDto(Guid StationId, string StationName, IReadOnlyList<PublicRotaWeekDto> Weeks);

/// <summary>
/// The public page's rota (值班安排): the published weeks of an active station from this week on, at most
/// <see cref="MaxWeeks"/> weeks and <see cref="HorizonDays"/> days ahead — the week and the deputy's name, nothing else.
/// Drafts never show; weeks are published at least three days before they start (<see cref="RotaWeek.PublishDaysAhead"/>).
/// </summary>
[NoPermissionRequired("The public station page: residents see who is on duty without an account; names only")]
public sealed record GetPublicRotaQuery(Guid StationId) : IQuery<PublicRotaDto>;

internal sealed class GetPublicRotaQueryHandler(StationsDbContext db, TimeProvider clock) : IRequestHandler<GetPublicRotaQuery, PublicRotaDto>
{
    public const int MaxWeeks = 8;
    public const int HorizonDays = 56;

    public async Task<PublicRotaDto> Handle(GetPublicRotaQuery request, CancellationToken cancellationToken)
    {
        // Anonymous: no tenant is active, the station id comes from a URL and is untrusted; only an active station answers.
        var station = await db.Stations.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Id == request.StationId && s.IsActive).Select(s => new { s.Id, s.Name }).SingleOrDefaultAsync(cancellationToken)
            ?? throw RotaAccess.StationNotFound();
        var today = ChinaTime.Today(clock);
        var (from, to) = (RotaPlanner.Monday(today), today.AddDays(HorizonDays));
        var weeks = await db.RotaWeeks.IgnoreQueryFilters().AsNoTracking()
            .Where(w => w.StationId == station.Id && w.WeekStart >= from && w.WeekStart <= to && w.Status != RotaWeekStatus.Draft)
            .OrderBy(w => w.WeekStart).Take(MaxWeeks)
            .Select(w => new { w.WeekStart, w.DeputyName }).ToListAsync(cancellationToken);
        return new PublicRotaDto(station.Id, station.Name, weeks.Select(w => new PublicRotaWeekDto(w.WeekStart, w.WeekStart.AddDays(6), w.DeputyName)).ToList());
    }
}
