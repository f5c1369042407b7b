using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Features.Archive;
using CongressPlatform.Modules.Deputies.Features.DutyLists;
using CongressPlatform.Modules.Deputies.Features.Groups;
using CongressPlatform.Modules.Deputies.Features.MyArchive;
using CongressPlatform.Modules.Deputies.Features.PointsPolicies;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.AddSeat;
using CongressPlatform.Modules.Deputies.Features.EndSeat;
using CongressPlatform.Modules.Deputies.Features.GetDeputy;
using CongressPlatform.Modules.Deputies.Features.GetImportTemplate;
using CongressPlatform.Modules.Deputies.Features.ImportDeputies;
using CongressPlatform.Modules.Deputies.Features.InviteDeputy;
using CongressPlatform.Modules.Deputies.Features.ListDeputies;
using CongressPlatform.Modules.Deputies.Features.RecordConsent;
using CongressPlatform.Modules.Deputies.Features.RegisterDeputy;
using CongressPlatform.Modules.Deputies.Features.RevealDeputyContact;
using CongressPlatform.Modules.Deputies.Features.SetDeputyPhoto;
using CongressPlatform.Modules.Deputies.Features.UpdateDeputy;
using CongressPlatform.SharedKernel;
using CongressPlatform.Modules.Deputies.Features.Presidium;
using CongressPlatform.Modules.Deputies.Features.Rankings;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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

        MapRegistry(endpoints);
        MapArchiveAndGroups(endpoints);
        // ----- Report-back (述职), public ballots, quarterly reports and reminder letters -----
        ReportBackEndpoints.Map(endpoints);
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
        rankings.MapGet("/", (int year, int? quarter, Guid? tenantId, Guid? groupId, int? page, int? pageSize, Guid? deputyId, IMediator m, CancellationToken ct) =>
                m.Send(new GetRankingQuery(year, quarter, tenantId, groupId, page, pageSize, deputyId), ct))
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

    // ----- Registry (deputies-reg) -----
    private static void MapRegistry(IEndpointRouteBuilder endpoints)
    {
        var deputies = endpoints.MapGroup("/api/deputies/deputies").WithTags("Deputies: registry");
        deputies.MapGet("/", (string? search, SeatLevel? level, SeatStatus? status, int? term, int? page, int? pageSize,
                Guid? groupId, int? pointsYear, int? minPoints, int? maxPoints, Guid? stationId, IMediator m, CancellationToken ct) =>
                m.Send(new ListDeputiesQuery(search, level, status, term, page, pageSize, groupId, pointsYear, minPoints, maxPoints, stationId), ct))
            .RequirePermission(DeputiesPermissions.DeputiesRead).WithName("ListDeputies");
        deputies.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetDeputyQuery(id), ct))
            .RequirePermission(DeputiesPermissions.DeputiesRead).WithName("GetDeputy");
        deputies.MapPost("/", async (RegisterDeputyCommand command, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(command, ct);
                return TypedResults.Created($"/api/deputies/deputies/{created.Id}", created);
            })
            .RequirePermission(DeputiesPermissions.DeputiesCreate).WithName("RegisterDeputy");
        deputies.MapPut("/{id:guid}", (Guid id, UpdateDeputyBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.DeputiesUpdate).WithName("UpdateDeputy");
        deputies.MapPost("/{id:guid}/seats", (Guid id, AddSeatBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.DeputiesUpdate).WithName("AddDeputySeat");
        deputies.MapPost("/{id:guid}/seats/{seatId:guid}/end", (Guid id, Guid seatId, EndSeatBody body, IMediator m, CancellationToken ct) =>
                m.Send(body.ToCommand(id, seatId), ct))
            .RequirePermission(DeputiesPermissions.DeputiesUpdate).WithName("EndDeputySeat");
        deputies.MapPost("/{id:guid}/consents", (Guid id, RecordConsentBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.DeputiesUpdate).WithName("RecordDeputyConsent");
        deputies.MapPut("/{id:guid}/photo", (Guid id, SetDeputyPhotoBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(DeputiesPermissions.DeputiesUpdate).WithName("SetDeputyPhoto");
        deputies.MapPost("/{id:guid}/contact", async (Guid id, RevealDeputyContactBody body, IMediator m, HttpContext http, CancellationToken ct) =>
            {
                var contact = await m.Send(body.ToQuery(id), ct);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(contact);
            })
            .RequirePermission(DeputiesPermissions.DeputiesRevealContact).WithName("RevealDeputyContact");
        deputies.MapPost("/{id:guid}/invite", async (Guid id, IMediator m, HttpContext http, CancellationToken ct) =>
            {
                var invitation = await m.Send(new InviteDeputyCommand(id), ct);
                // A new account's temporary password is in this answer only: no cache may keep it.
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(invitation);
            })
            .RequirePermission(DeputiesPermissions.DeputiesInvite).WithName("InviteDeputy");
        deputies.MapGet("/import-template", async (ImportTemplateFormat? format, IMediator m, CancellationToken ct) =>
            {
                var template = await m.Send(new GetImportTemplateQuery(format ?? ImportTemplateFormat.Xlsx), ct);
                return TypedResults.File(template.Content, template.ContentType, template.FileName);
            })
            .RequirePermission(DeputiesPermissions.DeputiesImport).WithName("GetDeputiesImportTemplate")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");
        deputies.MapPost("/import", async (IFormFile file, IMediator m, CancellationToken ct) =>
            {
                if (file.Length > ImportMaxBytes)
                {
                    throw new PayloadTooLargeException("deputies.import_too_large", Text.Of("导入文件不能超过 2 MB。", "The import file may be at most 2 MB."));
                }
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                // A file with any bad row imports nothing: the refusal (422) carries every problem by row and column.
                return TypedResults.Ok(await m.Send(new ImportDeputiesCommand(file.FileName, buffer.ToArray()), ct));
            })
            .RequirePermission(DeputiesPermissions.DeputiesImport).WithName("ImportDeputies")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportMaxBytes + 64 * 1024))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private const int ImportMaxBytes = 2 * 1024 * 1024;
    // ----- end registry -----
}
