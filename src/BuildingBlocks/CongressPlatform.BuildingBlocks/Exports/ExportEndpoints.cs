using System.Text.Json;
using CongressPlatform.BuildingBlocks.Attachments;
using CongressPlatform.BuildingBlocks.Exports.Features;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Scheduling;
using CongressPlatform.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.BuildingBlocks.Exports;

public static class ExportServiceCollectionExtensions
{
    /// <summary>The exports service: its table (schema <c>exports</c>), the file folder, the background worker and the daily clean-up.</summary>
    public static IServiceCollection AddPlatformExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.Section));
        services.AddModuleDbContext<ExportsDbContext>();
        services.AddSingleton<ExportFiles>();
        services.AddSingleton(p => AbandonedUploadsCleanup.For(p, s => s.GetRequiredService<ExportFiles>().Store));
        services.AddSingleton<ExportSignal>();
        services.AddScoped<ExportRunner>();
        if (configuration.GetSection(ExportOptions.Section).GetValue(nameof(ExportOptions.WorkerEnabled), true))
        {
            services.AddHostedService<ExportWorker>();
        }
        services.AddRecurringCommand<CleanupExpiredExportsCommand>(
            "platform.exports-cleanup", "0 20 3 * * ?", "清理过期的导出文件(每日)", "Remove expired export files (daily)");
        return services;
    }
}

/// <summary>The body of <c>POST /api/platform/exports</c>.</summary>
public sealed record StartExportBody(string Source, ExportFormat Format, JsonElement? Filter = null);

public static class ExportEndpoints
{
    /// <summary><c>/api/platform/exports</c>: start an export, follow it, download it, delete it — one's own only.</summary>
    public static IEndpointRouteBuilder MapPlatformExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/platform/exports").WithTags("Platform: exports");

        group.MapPost("/", async Task<IResult> (StartExportBody body, IMediator m, CancellationToken ct) =>
            {
                var job = await m.Send(new StartExportCommand(body.Source, body.Format, body.Filter), ct);
                var location = $"/api/platform/exports/{job.Id}";
                // Written within the request: 201; queued for the background worker: 202, follow the location.
                return job.Status is ExportStatus.Completed or ExportStatus.Failed
                    ? TypedResults.Created(location, job)
                    : TypedResults.Accepted(location, job);
            })
            .RequirePermission(PlatformPermissions.ExportsUse)
            .Produces<ExportJobDto>(StatusCodes.Status201Created)
            .Produces<ExportJobDto>(StatusCodes.Status202Accepted)
            .WithName("StartExport");

        group.MapGet("/", (int? page, int? pageSize, IMediator m, CancellationToken ct) => m.Send(new ListExportsQuery(page, pageSize), ct))
            .RequirePermission(PlatformPermissions.ExportsUse).WithName("ListExports");

        group.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetExportQuery(id), ct))
            .RequirePermission(PlatformPermissions.ExportsUse).WithName("GetExport");

        group.MapGet("/{id:guid}/content", async (Guid id, IMediator m, HttpContext http, CancellationToken ct) =>
            {
                var content = await m.Send(new GetExportContentQuery(id), ct);
                // Exported lists hold personal data (and the audit log): no cache keeps a copy.
                http.Response.Headers.CacheControl = "no-store";
                // Content-Disposition: attachment; filename=…; filename*=UTF-8''… (RFC 5987/6266) from fileDownloadName.
                return TypedResults.Stream(content.Content, content.ContentType, content.Export.FileName,
                    lastModified: content.Export.CompletedAtUtc is { } done ? new DateTimeOffset(done, TimeSpan.Zero) : null);
            })
            .RequirePermission(PlatformPermissions.ExportsUse)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithName("DownloadExport");

        group.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteExportCommand(id), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(PlatformPermissions.ExportsUse).WithName("DeleteExport");
        return endpoints;
    }
}
