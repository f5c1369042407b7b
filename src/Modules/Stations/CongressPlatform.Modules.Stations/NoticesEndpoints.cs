using CongressPlatform.BuildingBlocks.Hosting;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Features.Notices;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CongressPlatform.Modules.Stations;

/// <summary>The monthly public notice (每月20日公示): the staff list, review and "run now", and the public read (docs/modules/stations.md).</summary>
internal static class NoticesEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var notices = endpoints.MapGroup("/api/stations/notices").WithTags("Stations: monthly notices");
        notices.MapGet("/", (Guid? stationId, StationNoticeStatus? status, DateOnly? from, DateOnly? to, int? page, int? pageSize, IMediator m,
                CancellationToken ct) => m.Send(new ListStationNoticesQuery(stationId, status, from, to, page, pageSize), ct))
            .RequirePermission(StationsPermissions.NoticesRead).WithName("ListStationNotices");
        notices.MapPost("/runs", (CompileStationNoticesCommand command, IMediator m, CancellationToken ct) => m.Send(command, ct))
            .RequirePermission(StationsPermissions.NoticesManage).WithName("CompileStationNotices");
        notices.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetStationNoticeQuery(id), ct))
            .RequirePermission(StationsPermissions.NoticesRead).WithName("GetStationNotice");
        notices.MapPut("/{id:guid}/items/{itemId:guid}", (Guid id, Guid itemId, EditStationNoticeItemBody body, IMediator m, CancellationToken ct) =>
                m.Send(body.ToCommand(id, itemId), ct))
            .RequirePermission(StationsPermissions.NoticesManage).WithName("EditStationNoticeItem");
        notices.MapPut("/{id:guid}/items/{itemId:guid}/excluded", (Guid id, Guid itemId, SetStationNoticeItemExcludedBody body, IMediator m,
                CancellationToken ct) => m.Send(body.ToCommand(id, itemId), ct))
            .RequirePermission(StationsPermissions.NoticesManage).WithName("SetStationNoticeItemExcluded");
        notices.MapPost("/{id:guid}/publish", (Guid id, IMediator m, CancellationToken ct) => m.Send(new PublishStationNoticeCommand(id), ct))
            .RequirePermission(StationsPermissions.NoticesManage).WithName("PublishStationNotice");
        notices.MapPost("/{id:guid}/withdraw", (Guid id, WithdrawStationNoticeBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(StationsPermissions.NoticesManage).WithName("WithdrawStationNotice");

        endpoints.MapGet("/api/stations/public-stations/{id:guid}/notices", (Guid id, IMediator m, CancellationToken ct) =>
                m.Send(new GetPublicStationNoticesQuery(id), ct))
            .WithTags("Stations: public")
            .AllowPublic("Residents read a station's published monthly notices without an account: scrubbed texts, no names or contacts")
            .RequireRateLimiting(RateLimitPolicies.Public).WithName("GetPublicStationNotices");
    }
}
