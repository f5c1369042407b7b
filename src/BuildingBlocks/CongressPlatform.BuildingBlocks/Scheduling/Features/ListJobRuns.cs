using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Scheduling.Features;

/// <summary>One run of a job. <see cref="FinishedAtUtc"/> is null while it runs.</summary>
public sealed record JobRunDto(Guid Id, string FireInstanceId, DateTime StartedAtUtc, DateTime? FinishedAtUtc, bool Succeeded, string? Error);

/// <summary>The job's recorded runs, newest first (the last 100 are kept).</summary>
[RequiresPermission(PlatformPermissions.JobsRead)]
public sealed record ListJobRunsQuery(string Key) : IQuery<IReadOnlyList<JobRunDto>>;

internal sealed class ListJobRunsQueryHandler(ScheduledJobRegistry registry, SchedulerDbContext db)
    : IRequestHandler<ListJobRunsQuery, IReadOnlyList<JobRunDto>>
{
    public async Task<IReadOnlyList<JobRunDto>> Handle(ListJobRunsQuery request, CancellationToken cancellationToken)
    {
        var definition = registry.Find(request.Key) ?? throw NotFoundException.For("定时任务", "scheduled job");
        return await db.JobRuns.AsNoTracking()
            .Where(r => r.JobKey == definition.Key)
            .OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id)
            .Take(JobRunRecorder.KeepPerJob)
            .Select(r => new JobRunDto(r.Id, r.FireInstanceId, r.StartedAtUtc, r.FinishedAtUtc, r.Succeeded, r.Error))
            .ToListAsync(cancellationToken);
    }
}
