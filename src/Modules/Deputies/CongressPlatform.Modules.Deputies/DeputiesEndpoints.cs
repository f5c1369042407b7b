using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Features.Archive;
using CongressPlatform.Modules.Deputies.Features.DutyLists;
using CongressPlatform.Modules.Deputies.Features.Groups;
using CongressPlatform.Modules.Deputies.Features.MyArchive;
using CongressPlatform.Modules.Deputies.Features.PointsPolicies;
using CongressPlatform.Modules.Deputies.Features.Presidium;
using CongressPlatform.Modules.Deputies.Features.Rankings;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CongressPlatform.Modules.Deputies;

internal static class DeputiesEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var policies = endpoints.MapGroup("/api/deputies/points-policies").WithTags("Deputies: duty points");
        policies.MapGet("/", (int? year, IMediator m, CancellationToken ct) => m.Send(new ListPointsPoliciesQuery(year), ct))
            .RequirePermission(DeputiesPermissions.PointsPoliciesRead).WithName("ListPointsPolicies");
        policies.MapPut("/{id:guid}/rules", (Guid id, UpdatePointsRulesBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.PointsPoliciesUpdate).WithName("UpdatePointsRules");
        MapArchiveAndGroups(endpoints);
    }

    // --- duty archive, groups, points policy revisions, rankings, duty lists, my archive ---
    private static void MapArchiveAndGroups(IEndpointRouteBuilder endpoints)
    {
        var policies = endpoints.MapGroup("/api/deputies/points-policies").WithTags("Deputies: duty points");
        policies.MapGet("/{id:guid}/revisions", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListPointsPolicyRevisionsQuery(id), ct))
            .RequirePermission(DeputiesPermissions.PointsPoliciesRead).WithName("ListPointsPolicyRevisions");
        policies.MapPost("/{id:guid}/next-year", (Guid id, IMediator m, CancellationToken ct) => m.Send(new CreateNextYearPointsPolicyCommand(id), ct))
            .RequirePermission(DeputiesPermissions.PointsPoliciesUpdate).WithName("CreateNextYearPointsPolicy");

        var archive = endpoints.MapGroup("/api/deputies").WithTags("Deputies: duty archive");
        archive.MapGet("/deputies/{id:guid}/duty-records", (Guid id, DutyKind? kind, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                m.Send(new ListDutyRecordsQuery(id, kind, page, pageSize), ct))
            .RequirePermission(DeputiesPermissions.DutyRecordsRead).WithName("ListDutyRecords");
        archive.MapPost("/deputies/{id:guid}/duty-records", (Guid id, AddDutyRecordBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.DutyRecordsCreate).WithName("AddDutyRecord");
        archive.MapPost("/deputies/{id:guid}/deeds", (Guid id, AddDeedBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.DutyRecordsCreate).WithName("AddDeed");
        archive.MapPost("/duty-records/{id:guid}/corrections", (Guid id, CorrectDutyRecordBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.DutyRecordsCorrect).WithName("CorrectDutyRecord");
        archive.MapGet("/deputies/{id:guid}/duty-list", (Guid id, int year, IMediator m, CancellationToken ct) => m.Send(new GetDutyListQuery(id, year), ct))
            .RequirePermission(DeputiesPermissions.DutyListsRead).WithName("GetDutyList");
        archive.MapPut("/deputies/{id:guid}/duty-list/{year:int}", (Guid id, int year, SaveDutyListBody body, IMediator m, CancellationToken ct) =>
                m.Send(body.ToCommand(id, year), ct))
            .RequirePermission(DeputiesPermissions.DutyListsManage).WithName("SaveDutyList");

        var rankings = endpoints.MapGroup("/api/deputies/rankings").WithTags("Deputies: duty points");
        rankings.MapGet("/", (int year, int? quarter, Guid? tenantId, Guid? groupId, IMediator m, CancellationToken ct) =>
                m.Send(new GetRankingQuery(year, quarter, tenantId, groupId), ct))
            .RequirePermission(DeputiesPermissions.RankingsRead).WithName("GetRanking");
        rankings.MapGet("/groups", (int year, int? quarter, IMediator m, CancellationToken ct) => m.Send(new GetGroupRankingQuery(year, quarter), ct))
            .RequirePermission(DeputiesPermissions.RankingsRead).WithName("GetGroupRanking");
        rankings.MapGet("/shortlist", (int year, int? top, decimal? percent, int? groupTop, IMediator m, CancellationToken ct) =>
                m.Send(new GetAwardsShortlistQuery(year, top, percent, groupTop), ct))
            .RequirePermission(DeputiesPermissions.RankingsRead).WithName("GetAwardsShortlist");

        var groups = endpoints.MapGroup("/api/deputies/groups").WithTags("Deputies: groups");
        groups.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListGroupsQuery(), ct))
            .RequirePermission(DeputiesPermissions.GroupsRead).WithName("ListGroups");
        groups.MapPost("/", (CreateGroupCommand body, IMediator m, CancellationToken ct) => m.Send(body, ct))
            .RequirePermission(DeputiesPermissions.GroupsManage).WithName("CreateGroup");
        groups.MapPut("/{id:guid}", (Guid id, UpdateGroupBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.GroupsManage).WithName("UpdateGroup");
        groups.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteGroupCommand(id), ct);
                return Results.NoContent();
            })
            .RequirePermission(DeputiesPermissions.GroupsManage).WithName("DeleteGroup");

        var presidium = endpoints.MapGroup("/api/deputies/presidium-contacts").WithTags("Deputies: groups");
        presidium.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListPresidiumContactsQuery(), ct))
            .RequirePermission(DeputiesPermissions.PresidiumContactsRead).WithName("ListPresidiumContacts");
        presidium.MapPost("/", (CreatePresidiumMemberCommand body, IMediator m, CancellationToken ct) => m.Send(body, ct))
            .RequirePermission(DeputiesPermissions.PresidiumContactsManage).WithName("CreatePresidiumMember");
        presidium.MapPut("/{id:guid}", (Guid id, UpdatePresidiumContactsBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.PresidiumContactsManage).WithName("UpdatePresidiumContacts");
        presidium.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeletePresidiumMemberCommand(id), ct);
                return Results.NoContent();
            })
            .RequirePermission(DeputiesPermissions.PresidiumContactsManage).WithName("DeletePresidiumMember");

        var me = endpoints.MapGroup("/api/deputies/me").WithTags("Deputies: my archive");
        me.MapGet("/", (int? year, IMediator m, CancellationToken ct) => m.Send(new GetMyArchiveQuery(year), ct))
            .RequirePermission(DeputiesPermissions.MyArchiveRead).WithName("GetMyArchive");
        me.MapGet("/duty-records", (DutyKind? kind, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                m.Send(new ListMyDutyRecordsQuery(kind, page, pageSize), ct))
            .RequirePermission(DeputiesPermissions.MyArchiveRead).WithName("ListMyDutyRecords");
        me.MapGet("/duty-list", (int? year, IMediator m, CancellationToken ct) => m.Send(new GetMyDutyListQuery(year), ct))
            .RequirePermission(DeputiesPermissions.MyArchiveRead).WithName("GetMyDutyList");
    }
}
