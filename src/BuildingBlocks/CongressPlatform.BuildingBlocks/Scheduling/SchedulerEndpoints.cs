using CongressPlatform.BuildingBlocks.Scheduling.Features;
using CongressPlatform.BuildingBlocks.Security;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CongressPlatform.BuildingBlocks.Scheduling;

public static class SchedulerEndpoints
{
    /// <summary>The scheduled-jobs admin API: <c>/api/platform/jobs</c>.</summary>
    public static IEndpointRouteBuilder MapPlatformSchedulerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var jobs = endpoints.MapGroup("/api/platform/jobs").WithTags("Platform");
        jobs.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListJobsQuery(), ct))
            .RequirePermission(PlatformPermissions.JobsRead).WithName("ListScheduledJobs");
        jobs.MapGet("/{key}/runs", (string key, IMediator m, CancellationToken ct) => m.Send(new ListJobRunsQuery(key), ct))
            .RequirePermission(PlatformPermissions.JobsRead).WithName("ListScheduledJobRuns");
        jobs.MapPost("/{key}/run", async (string key, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RunJobNowCommand(key), ct);
                return TypedResults.Accepted($"/api/platform/jobs/{Uri.EscapeDataString(key)}/runs");
            })
            .RequirePermission(PlatformPermissions.JobsRun).WithName("RunScheduledJobNow");
        return endpoints;
    }
}
