using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CongressPlatform.BuildingBlocks.Scheduling.Features;

/// <summary>The last finished (or running) run of a job.</summary>
public sealed record JobOutcomeDto(DateTime StartedAtUtc, DateTime? FinishedAtUtc, bool Succeeded, string? Error);

/// <summary>
/// A scheduled job as the admin screen shows it. Exactly one of <see cref="Cron"/> (evaluated in
/// <see cref="TimeZone"/>) and <see cref="IntervalSeconds"/> is set. <see cref="State"/> is Quartz's
/// trigger state: Normal, Paused, Blocked (running, no overlap allowed), Executing, Error, Complete or None.
/// </summary>
public sealed record ScheduledJobDto(
    string Key,
    string Description,
    string? Cron,
    int? IntervalSeconds,
    string TimeZone,
    DateTimeOffset? PreviousFireTimeUtc,
    DateTimeOffset? NextFireTimeUtc,
    JobOutcomeDto? LastOutcome,
    string State);

[RequiresPermission(PlatformPermissions.JobsRead)]
public sealed record ListJobsQuery : IQuery<IReadOnlyList<ScheduledJobDto>>;

internal sealed class ListJobsQueryHandler(ScheduledJobRegistry registry, ISchedulerFactory schedulers, SchedulerDbContext db)
    : IRequestHandler<ListJobsQuery, IReadOnlyList<ScheduledJobDto>>
{
    public async Task<IReadOnlyList<ScheduledJobDto>> Handle(ListJobsQuery request, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobs = new List<ScheduledJobDto>(registry.All.Count);
        foreach (var definition in registry.All)
        {
            var trigger = await scheduler.GetTrigger(definition.TriggerKey, cancellationToken);
            var state = await scheduler.GetTriggerState(definition.TriggerKey, cancellationToken);
            var last = await db.JobRuns.AsNoTracking()
                .Where(r => r.JobKey == definition.Key)
                .OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id)
                .Select(r => new JobOutcomeDto(r.StartedAtUtc, r.FinishedAtUtc, r.Succeeded, r.Error))
                .FirstOrDefaultAsync(cancellationToken);
            jobs.Add(new ScheduledJobDto(
                definition.Key,
                Text.Of(definition.ZhDescription, definition.EnDescription),
                definition.Cron,
                definition.Interval is { } interval ? (int)interval.TotalSeconds : null,
                PlatformScheduling.TimeZone.Id,
                trigger?.PreviousFireTimeUtc,
                trigger?.NextFireTimeUtc,
                last,
                state.ToString()));
        }
        return jobs;
    }
}
