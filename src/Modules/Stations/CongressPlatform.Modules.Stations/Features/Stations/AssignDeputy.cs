using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Stations;

/// <summary>
/// Assigns a deputy to an open station (进站). The deputy must serve in a seat organised by the station's tenant (asked of
/// Deputies, whose name is copied); a deputy already at the station is refused. <c>AssignedOn</c> defaults to today.
/// </summary>
[RequiresPermission(StationsPermissions.AssignmentsManage)]
public sealed record AssignDeputyCommand(Guid StationId, Guid DeputyId, DateOnly? AssignedOn) : ICommand<StationDto>;

public sealed record AssignDeputyBody(Guid DeputyId, DateOnly? AssignedOn)
{
    public AssignDeputyCommand ToCommand(Guid stationId) => new(stationId, DeputyId, AssignedOn);
}

internal sealed class AssignDeputyCommandHandler(StationsDbContext db, IMediator sender, ITenantDirectory tenants, TimeProvider clock)
    : IRequestHandler<AssignDeputyCommand, StationDto>
{
    public async Task<StationDto> Handle(AssignDeputyCommand request, CancellationToken cancellationToken)
    {
        var station = await StationLookup.FindAsync(db, request.StationId, cancellationToken);
        if (!station.IsActive)
        {
            throw new BusinessRuleException("stations.inactive", Text.Of("该站点已停用,不能安排代表进站。", "The station is closed."));
        }
        var deputy = (await sender.Send(new ListServingDeputiesQuery(null, [request.DeputyId]), cancellationToken))
            .SingleOrDefault(d => d.TenantIds.Contains(station.TenantId))
            ?? throw new BusinessRuleException("stations.deputy_not_serving", Text.Of(
                "该代表不是本街道(乡镇)组织的在任代表,不能进站。", "The deputy holds no serving seat organised by the station's organisation."));
        if (await db.StationDeputies.AnyAsync(a => a.StationId == station.Id && a.DeputyId == deputy.DeputyId && a.EndedOn == null, cancellationToken))
        {
            throw new ConflictException("stations.deputy_assigned", Text.Of($"{deputy.Name}已在本站。", $"{deputy.Name} is already at this station."));
        }
        var assignment = new StationDeputy(station.Id, deputy.DeputyId, deputy.Name, request.AssignedOn ?? ChinaTime.Today(clock));
        ((ITenantOwned)assignment).AssignTenant(station.TenantId, station.TenantPath);
        db.StationDeputies.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return await StationLookup.DetailAsync(db, tenants, station.Id, cancellationToken);
    }
}
