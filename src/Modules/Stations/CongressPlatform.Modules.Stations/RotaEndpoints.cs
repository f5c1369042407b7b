using CongressPlatform.BuildingBlocks.Hosting;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Features.Rota;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CongressPlatform.Modules.Stations;

/// <summary>The duty rota (值班表): planning, swaps, leave, confirmation, reminders, and the public read (docs/modules/stations.md).</summary>
internal static class RotaEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var rotas = endpoints.MapGroup("/api/stations/rotas").WithTags("Stations: duty rota");
        rotas.MapGet("/{stationId:guid}", (Guid stationId, DateOnly? from, DateOnly? to, IMediator m, CancellationToken ct) =>
                m.Send(new GetStationRotaQuery(stationId, from, to), ct))
            .RequirePermission(StationsPermissions.RotaRead).WithName("GetStationRota");
        rotas.MapPost("/{stationId:guid}/generate", (Guid stationId, GenerateRotaBody body, IMediator m, CancellationToken ct) =>
                m.Send(body.ToCommand(stationId), ct))
            .RequirePermission(StationsPermissions.RotaManage).WithName("GenerateRota");
        rotas.MapPost("/{stationId:guid}/publish", (Guid stationId, PublishRotaBody body, IMediator m, CancellationToken ct) =>
                m.Send(body.ToCommand(stationId), ct))
            .RequirePermission(StationsPermissions.RotaManage).WithName("PublishRota");
        rotas.MapPut("/{stationId:guid}/weeks/{weekStart}", (Guid stationId, DateOnly weekStart, SetRotaWeekBody body, IMediator m,
                CancellationToken ct) => m.Send(body.ToCommand(stationId, weekStart), ct))
            .RequirePermission(StationsPermissions.RotaManage).WithName("SetRotaWeek");
        endpoints.MapPost("/api/stations/rota-weeks/{weekId:guid}/confirm", (Guid weekId, ConfirmRotaWeekBody body, IMediator m, CancellationToken ct) =>
                m.Send(body.ToCommand(weekId), ct))
            .WithTags("Stations: duty rota").RequirePermission(StationsPermissions.RotaManage).WithName("ConfirmRotaWeek");
        endpoints.MapPost("/api/stations/duty-leaves", (RecordDutyLeaveCommand command, IMediator m, CancellationToken ct) => m.Send(command, ct))
            .WithTags("Stations: duty rota").RequirePermission(StationsPermissions.RotaManage).WithName("RecordDutyLeave");
        endpoints.MapPost("/api/stations/rota-swaps/{swapId:guid}/approve", (Guid swapId, IMediator m, CancellationToken ct) => m.Send(new ApproveRotaSwapCommand(swapId), ct))
            .WithTags("Stations: duty rota").RequirePermission(StationsPermissions.RotaManage).WithName("ApproveRotaSwap");
        endpoints.MapPost("/api/stations/rota-swaps/{swapId:guid}/reject", (Guid swapId, RejectRotaSwapBody body, IMediator m, CancellationToken ct) =>
                m.Send(body.ToCommand(swapId), ct))
            .WithTags("Stations: duty rota").RequirePermission(StationsPermissions.RotaManage).WithName("RejectRotaSwap");
        endpoints.MapPost("/api/stations/rota-reminders/runs", (SendRotaRemindersCommand command, IMediator m, CancellationToken ct) => m.Send(command, ct))
            .WithTags("Stations: duty rota").RequirePermission(StationsPermissions.RotaManage).WithName("SendRotaReminders");

        var mine = endpoints.MapGroup("/api/stations/my-duties").WithTags("Stations: my duty");
        mine.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new GetMyDutyQuery(), ct))
            .RequirePermission(StationsPermissions.RotaSwap).WithName("GetMyDuty");
        mine.MapPost("/swaps", (RequestRotaSwapCommand command, IMediator m, CancellationToken ct) => m.Send(command, ct))
            .RequirePermission(StationsPermissions.RotaSwap).WithName("RequestRotaSwap");
        mine.MapPost("/leaves", (RecordMyDutyLeaveCommand command, IMediator m, CancellationToken ct) => m.Send(command, ct))
            .RequirePermission(StationsPermissions.RotaSwap).WithName("RecordMyDutyLeave");

        endpoints.MapGet("/api/stations/public-stations/{id:guid}/rota", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetPublicRotaQuery(id), ct))
            .WithTags("Stations: public")
            .AllowPublic("Residents see a station's duty rota without an account: published weeks and deputies' names only")
            .RequireRateLimiting(RateLimitPolicies.Public).WithName("GetPublicRota");
    }
}
