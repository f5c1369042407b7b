using CongressPlatform.BuildingBlocks.Hosting;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Features.Opinions;
using CongressPlatform.Modules.Stations.Features.PublicOpinions;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace CongressPlatform.Modules.Stations;

/// <summary>Residents' opinions (社情民意): the staff inbox and workflow, the officer's answers, the public form and tracking page.</summary>
internal static class OpinionsEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var opinions = endpoints.MapGroup("/api/stations/opinions").WithTags("Stations: opinions");
        opinions.MapGet("/", (OpinionStatus? status, Guid? stationId, string? category, OpinionChannel? channel, bool? overdue, int? page, int? pageSize,
                IMediator m, CancellationToken ct) => m.Send(new ListOpinionsQuery(status, stationId, category, channel, overdue, page, pageSize), ct))
            .RequirePermission(StationsPermissions.OpinionsRead).WithName("ListOpinions");
        opinions.MapPost("/", async (RegisterOpinionCommand command, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(command, ct);
                return TypedResults.Created($"/api/stations/opinions/{created.Id}", created);
            })
            .RequirePermission(StationsPermissions.OpinionsManage).WithName("RegisterOpinion");
        opinions.MapGet("/handling-units", (IMediator m, CancellationToken ct) => m.Send(new ListOpinionHandlingUnitsQuery(), ct))
            .RequirePermission(StationsPermissions.OpinionsManage).WithName("ListOpinionHandlingUnits");
        opinions.MapGet("/station-deputies", (IMediator m, CancellationToken ct) => m.Send(new ListOpinionStationDeputiesQuery(), ct))
            .RequirePermission(StationsPermissions.OpinionsManage).WithName("ListOpinionStationDeputies");
        opinions.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetOpinionQuery(id), ct))
            .RequirePermission(StationsPermissions.OpinionsRead).WithName("GetOpinion");
        opinions.MapGet("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, IMediator m, HttpContext http, CancellationToken ct) =>
                Photo(http, await m.Send(new GetOpinionPhotoQuery(id, photoId), ct)))
            .RequirePermission(StationsPermissions.OpinionsRead).WithName("GetOpinionPhoto")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg");
        opinions.MapPost("/{id:guid}/triage", (Guid id, TriageOpinionBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(StationsPermissions.OpinionsManage).WithName("TriageOpinion");
        opinions.MapPost("/{id:guid}/duplicate", (Guid id, MarkOpinionDuplicateBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(StationsPermissions.OpinionsManage).WithName("MarkOpinionDuplicate");
        opinions.MapPost("/{id:guid}/referral", (Guid id, ReferOpinionBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(StationsPermissions.OpinionsManage).WithName("ReferOpinion");
        opinions.MapPost("/{id:guid}/feedback", (Guid id, FeedBackOpinionBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(StationsPermissions.OpinionsManage).WithName("FeedBackOpinion");
        opinions.MapPost("/{id:guid}/close", (Guid id, CloseOpinionBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(StationsPermissions.OpinionsManage).WithName("CloseOpinion");

        var assigned = endpoints.MapGroup("/api/stations/assigned-opinions").WithTags("Stations: opinions");
        assigned.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListAssignedOpinionsQuery(), ct))
            .RequirePermission(StationsPermissions.OpinionsAnswer).WithName("ListAssignedOpinions");
        assigned.MapPost("/{id:guid}/answer", (Guid id, AnswerOpinionBody body, IMediator m, CancellationToken ct) => m.Send(body.ToCommand(id), ct))
            .RequirePermission(StationsPermissions.OpinionsAnswer).WithName("AnswerOpinion");
        assigned.MapGet("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, IMediator m, HttpContext http, CancellationToken ct) =>
                Photo(http, await m.Send(new GetAssignedOpinionPhotoQuery(id, photoId), ct)))
            .RequirePermission(StationsPermissions.OpinionsAnswer).WithName("GetAssignedOpinionPhoto")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg");

        var pub = endpoints.MapGroup("/api/stations/public-opinions").WithTags("Stations: public opinions")
            .AllowPublic("Residents leave and follow opinions without an account: the station is checked, the tracking code is the key")
            .RequireRateLimiting(RateLimitPolicies.Public);
        pub.MapGet("/form", (Guid station, Guid? deputy, IMediator m, CancellationToken ct) => m.Send(new GetPublicOpinionFormQuery(station, deputy), ct))
            .WithName("GetPublicOpinionForm");
        pub.MapPost("/", SubmitAsync)
            .WithName("SubmitPublicOpinion")
            .WithMetadata(new RequestSizeLimitMetadata(PublicPhotos.MaxCount * PublicPhotos.MaxBytes + 256 * 1024))
            .Accepts<SubmitPublicOpinionFormBody>("multipart/form-data")
            .Produces<SubmittedOpinionDto>(StatusCodes.Status201Created);
        pub.MapGet("/{code}", (string code, IMediator m, CancellationToken ct) => m.Send(new TrackOpinionQuery(code), ct))
            .WithName("TrackOpinion");
        pub.MapPost("/{code}/rating", (string code, RateOpinionBody body, IMediator m, CancellationToken ct) => m.Send(new RateOpinionCommand(code, body.Rating), ct))
            .WithName("RateOpinion");
    }

    /// <summary>
    /// The public form, as multipart/form-data (the fields of <see cref="SubmitPublicOpinionFormBody"/> and up to three
    /// <c>photos</c>), with an optional <c>Idempotency-Key</c> header. The per-station limit is taken before the body is read.
    /// </summary>
    private static async Task<IResult> SubmitAsync(HttpRequest request, OpinionRateLimits limits, IMediator m, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw new UnsupportedContentException("opinion.form_expected", Text.Of("请通过留言表单提交。", "Send the form as multipart/form-data."));
        }
        var form = await request.ReadFormAsync(ct);
        if (!Guid.TryParse(form["stationId"], out var stationId))
        {
            throw PublicStations.NotFound();
        }
        if (!await limits.TryAcquireAsync(stationId, request.HttpContext))
        {
            return Results.Empty;
        }
        Guid? deputyId = Guid.TryParse(form["deputyId"], out var d) ? d : null;
        var photos = new List<PublicPhotoDto>();
        foreach (var file in form.Files.Where(f => f.Name == "photos"))
        {
            if (file.Length > PublicPhotos.MaxBytes)
            {
                throw PublicPhotos.TooLarge();
            }
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            photos.Add(new PublicPhotoDto(file.FileName, buffer.ToArray()));
        }
        var key = request.Headers[IdempotencyHeader].ToString();
        var result = await m.Send(new SubmitPublicOpinionCommand(stationId, deputyId, form["content"].ToString(), Nullable(form["category"]),
            Nullable(form["contactName"]), Nullable(form["contactPhone"]), key.Length == 0 ? null : key, photos), ct);
        return TypedResults.Created($"/api/stations/public-opinions/{result.TrackingCode}", result);
    }

    /// <summary>A photo's bytes as its sniffed type; never cached by shared caches, never run as anything but an image.</summary>
    private static FileStreamHttpResult Photo(HttpContext http, OpinionPhotoFileDto photo)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-cache";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.Stream(photo.Content, photo.ContentType, lastModified: new DateTimeOffset(photo.UploadedAtUtc, TimeSpan.Zero));
    }

    private static string? Nullable(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString();

    private sealed class RequestSizeLimitMetadata(long size) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => size;
    }
}
