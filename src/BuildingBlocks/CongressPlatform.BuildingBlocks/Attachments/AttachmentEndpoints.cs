using System.Runtime.CompilerServices;
using CongressPlatform.BuildingBlocks.Attachments.Features;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace CongressPlatform.BuildingBlocks.Attachments;

public static class AttachmentServiceCollectionExtensions
{
    /// <summary>The attachments service: its table, the local file store (unless another <see cref="IFileStore"/> is registered) and the access guard.</summary>
    public static IServiceCollection AddPlatformAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttachmentOptions>().Bind(configuration.GetSection(AttachmentOptions.Section));
        services.AddModuleDbContext<AttachmentsDbContext>();
        services.TryAddSingleton<IFileStore, LocalFileStore>();
        services.AddSingleton(p => AbandonedUploadsCleanup.For(p, s => s.GetRequiredService<IFileStore>()));
        services.AddScoped<AttachmentAccessGuard>();
        return services;
    }
}

public static class AttachmentEndpoints
{
    /// <summary>Room for the multipart boundaries and part headers around the files.</summary>
    private const long MultipartOverhead = 64 * 1024;

    private const string OwnerDecides = "The owner module's IAttachmentOwnerPolicy decides with its own permissions (e.g. handling-units: identity.handling-units.read / .update).";

    /// <summary><c>/api/platform/attachments</c>: upload, list, download and delete files of any registered owner.</summary>
    public static IEndpointRouteBuilder MapPlatformAttachmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var maxBytes = endpoints.ServiceProvider.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes;
        var group = endpoints.MapGroup("/api/platform/attachments").WithTags("Platform: attachments");

        group.MapPost("/{ownerType}/{ownerId:guid}", async (string ownerType, Guid ownerId, HttpRequest request, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new UploadAttachmentsCommand(ownerType, ownerId, ReadFilesAsync(request, ct)), ct);
                return TypedResults.Created($"/api/platform/attachments/{ownerType}/{ownerId}", created);
            })
            .RequireOwnerPermission(OwnerDecides)
            .WithMetadata(new AttachmentBodyLimit(maxBytes + MultipartOverhead))
            // Described for the API document only: an Accepts metadata would let routing answer a non-multipart body
            // with a bare 404/415 instead of the handler's reason.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = MultipartFilesBody();
                return Task.CompletedTask;
            })
            .WithName("UploadAttachments");

        group.MapGet("/{ownerType}/{ownerId:guid}", (string ownerType, Guid ownerId, IMediator m, CancellationToken ct) =>
                m.Send(new ListAttachmentsQuery(ownerType, ownerId), ct))
            .RequireOwnerPermission(OwnerDecides).WithName("ListAttachments");

        group.MapGet("/{id:guid}/content", async (Guid id, IMediator m, HttpContext http, CancellationToken ct) =>
            {
                var content = await m.Send(new GetAttachmentContentQuery(id), ct);
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = "private, no-cache";
                // Opened directly in a browser, a file may not run scripts or load anything.
                headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
                // Content-Disposition: attachment; filename=…; filename*=UTF-8''… (RFC 5987/6266) from fileDownloadName.
                return TypedResults.Stream(content.Content, content.Attachment.ContentType, content.Attachment.FileName,
                    lastModified: new DateTimeOffset(content.Attachment.UploadedAtUtc, TimeSpan.Zero),
                    entityTag: new EntityTagHeaderValue($"\"{content.Attachment.Sha256}\""));
            })
            .RequireOwnerPermission(OwnerDecides)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithName("DownloadAttachment");

        group.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteAttachmentCommand(id), ct);
                return TypedResults.NoContent();
            })
            .RequireOwnerPermission(OwnerDecides).WithName("DeleteAttachment");
        return endpoints;
    }

    /// <summary>The file parts of a multipart/form-data body, one at a time, straight from the request stream (nothing buffered).</summary>
    private static async IAsyncEnumerable<IncomingFile> ReadFilesAsync(HttpRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new UnsupportedContentException("attachment.not_multipart", Text.Of(
                "上传文件须使用 multipart/form-data 格式。", "Upload files as multipart/form-data."));
        }
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
            {
                continue;
            }
            var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            yield return new IncomingFile(name, section.Body);
        }
    }

    /// <summary>The body's shape in the API description: one or more files under <c>files</c>.</summary>
    private static OpenApiRequestBody MultipartFilesBody() => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "files" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["files"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array,
                            Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                        },
                    },
                },
            },
        },
    };

    /// <summary>Raises the request-body limit of the upload endpoint to <c>Attachments:MaxBytes</c> (plus the multipart framing).</summary>
    private sealed record AttachmentBodyLimit(long Bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => Bytes;
    }
}
