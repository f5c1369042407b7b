using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Features.Receptions;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CongressPlatform.Modules.Stations;

/// <summary>Centralised reception events (集中接待选民活动): planning, attendance, closing, and a deputy's own events (docs/modules/stations.md).</summary>
internal static class ReceptionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var events = endpoints.MapGroup("/api/stations/reception-events").WithTags("Stations: reception events");
        events.MapGet("/", (ReceptionEventStatus? status, DateOnly? from, DateOnly? to, IMediator m, CancellationToken ct) =>
                m.Send(new ListReceptionEventsQuery(status, from, to), ct))
            .RequirePermission(StationsPermissions.ReceptionsRead).WithName("ListReceptionEvents");
        events.MapGet("/deputy-candidates", (string? search, IMediator m, CancellationToken ct) => m.Send(new ListReceptionCandidatesQuery(search), ct))
            .RequirePermission(StationsPermissions.ReceptionsManage).WithName("ListReceptionCandidates");
        events.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetReceptionEventQuery(id), ct))
            .RequirePermission(StationsPermissions.ReceptionsRead).WithName("GetReceptionEvent");
        events.MapPost("/", async (CreateReceptionEventCommand command, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(command, ct);
                return Results.Created($"/api/stations/reception-events/{created.Id}", created);
            })
            .RequirePermission(StationsPermissions.ReceptionsManage).WithName("CreateReceptionEvent").Produces<ReceptionEventDto>(StatusCodes.Status201Created);
        events.MapPut("/{id:guid}", (Guid id, UpdateReceptionEventBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(StationsPermissions.ReceptionsManage).WithName("UpdateReceptionEvent");
        events.MapPut("/{id:guid}/attendance", (Guid id, RecordReceptionAttendanceBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(StationsPermissions.ReceptionsManage).WithName("RecordReceptionAttendance");
        events.MapPost("/{id:guid}/cancel", (Guid id, IMediator m, CancellationToken ct) => m.Send(new CancelReceptionEventCommand(id), ct))
            .RequirePermission(StationsPermissions.ReceptionsManage).WithName("CancelReceptionEvent");
        events.MapPost("/{id:guid}/close", (Guid id, IMediator m, CancellationToken ct) => m.Send(new CloseReceptionEventCommand(id), ct))
            .RequirePermission(StationsPermissions.ReceptionsManage).WithName("CloseReceptionEvent");

        var mine = endpoints.MapGroup("/api/stations/my-receptions").WithTags("Stations: my duty");
        mine.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new GetMyReceptionsQuery(), ct))
            .RequirePermission(StationsPermissions.ReceptionsAttend).WithName("GetMyReceptions");
        mine.MapPost("/{eventId:guid}/leave", (Guid eventId, RequestReceptionLeaveBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(eventId), ct))
            .RequirePermission(StationsPermissions.ReceptionsAttend).WithName("RequestReceptionLeave");
    }
}
