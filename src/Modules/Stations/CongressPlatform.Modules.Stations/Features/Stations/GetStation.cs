using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Stations;

/// <summary>A visible station with its deputies, current first then former (history).</summary>
[RequiresPermission(StationsPermissions.StationsRead)]
public sealed record GetStationQuery(Guid Id) : IQuery<StationDto>;

internal sealed class GetStationQueryHandler(StationsDbContext db, ITenantDirectory tenants) : IRequestHandler<GetStationQuery, StationDto>
{
    public Task<StationDto> Handle(GetStationQuery request, CancellationToken cancellationToken) =>
        StationLookup.DetailAsync(db, tenants, request.Id, cancellationToken);
}
