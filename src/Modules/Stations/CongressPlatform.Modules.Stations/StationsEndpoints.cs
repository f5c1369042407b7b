using CongressPlatform.SharedKernel;
using CongressPlatform.BuildingBlocks.Hosting;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Features.PublicStations;
using CongressPlatform.Modules.Stations.Features.Stations;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace CongressPlatform.Modules.Stations;

internal static class StationsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var stations = endpoints.MapGroup("/api/stations/stations").WithTags("Stations: stations");
        stations.MapGet("/", (bool? includeInactive, IMediator m, CancellationToken ct) => m.Send(new ListStationsQuery(includeInactive ?? false), ct))
            .RequirePermission(StationsPermissions.StationsRead).WithName("ListStations");
        stations.MapGet("/keeper-candidates", (Guid? stationId, IMediator m, CancellationToken ct) => m.Send(new ListKeeperCandidatesQuery(stationId), ct))
            .RequirePermission(StationsPermissions.StationsManage).WithName("ListStationKeeperCandidates");
        stations.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetStationQuery(id), ct))
            .RequirePermission(StationsPermissions.StationsRead).WithName("GetStation");
        stations.MapPost("/", async (CreateStationCommand command, IMediator m, CancellationToken ct) =>
            {
                var station = await m.Send(command, ct);
                return Results.Created($"/api/stations/stations/{station.Id}", station);
            })
            .RequirePermission(StationsPermissions.StationsManage).WithName("CreateStation").Produces<StationDto>(StatusCodes.Status201Created);
        stations.MapPut("/{id:guid}", (Guid id, UpdateStationBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(StationsPermissions.StationsUpdate).WithName("UpdateStation");
        stations.MapPut("/{id:guid}/active", (Guid id, SetStationActiveBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(StationsPermissions.StationsManage).WithName("SetStationActive");

        stations.MapGet("/{id:guid}/deputy-candidates", (Guid id, string? search, IMediator m, CancellationToken ct) =>
                m.Send(new ListDeputyCandidatesQuery(id, search), ct))
            .RequirePermission(StationsPermissions.AssignmentsManage).WithName("ListStationDeputyCandidates");
        stations.MapPost("/{id:guid}/deputies", (Guid id, AssignDeputyBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(StationsPermissions.AssignmentsManage).WithName("AssignStationDeputy");
        stations.MapPost("/{id:guid}/deputies/{assignmentId:guid}/end", (Guid id, Guid assignmentId, EndAssignmentBody body, IMediator m, CancellationToken ct) =>
                m.Send(body.ToCommand(id, assignmentId), ct))
            .RequirePermission(StationsPermissions.AssignmentsManage).WithName("EndStationDeputyAssignment");

        stations.MapGet("/{id:guid}/qr-code", async (Guid id, Guid? deputyId, QrCodeFormat? format, HttpRequest request, IConfiguration configuration,
                IMediator m, CancellationToken ct) =>
            {
                var qr = await m.Send(new GetStationQrCodeQuery(id, deputyId, format ?? QrCodeFormat.Png, PublicBaseUrl(request, configuration)), ct);
                return TypedResults.File(qr.Content, qr.ContentType, qr.FileName);
            })
            .RequirePermission(StationsPermissions.StationsRead).WithName("GetStationQrCode")
            .Produces(StatusCodes.Status200OK, contentType: "image/png");

        var publicStations = endpoints.MapGroup("/api/stations/public-stations").WithTags("Stations: public station page")
            .AllowPublic("Residents open a station's page by scanning its printed QR code, without an account")
            .RequireRateLimiting(RateLimitPolicies.Public);
        publicStations.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetPublicStationQuery(id), ct))
            .WithName("GetPublicStation");

        RotaEndpoints.Map(endpoints);
        OpinionsEndpoints.Map(endpoints);
        NoticesEndpoints.Map(endpoints);
        ReceptionEndpoints.Map(endpoints);
    }

    /// <summary><c>Stations:PublicBaseUrl</c> when set (the address residents reach), else this request's own.</summary>
    private static string PublicBaseUrl(HttpRequest request, IConfiguration configuration) =>
        configuration[StationLinks.BaseUrlKey] is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
