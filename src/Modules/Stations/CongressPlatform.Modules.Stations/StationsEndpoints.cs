using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Features.Stations;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CongressPlatform.Modules.Stations;

internal static class StationsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var stations = endpoints.MapGroup("/api/stations/stations").WithTags("Stations: stations");
        stations.MapGet("/", (bool? includeInactive, IMediator m, CancellationToken ct) => m.Send(new ListStationsQuery(includeInactive ?? false), ct))
            .RequirePermission(StationsPermissions.StationsRead).WithName("ListStations");
        RotaEndpoints.Map(endpoints);
        OpinionsEndpoints.Map(endpoints);
    }
}
