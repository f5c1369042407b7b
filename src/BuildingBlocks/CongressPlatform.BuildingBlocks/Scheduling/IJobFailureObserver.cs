namespace CongressPlatform.BuildingBlocks.Scheduling;

/// <summary>A scheduled job's failed run, as the run history records it.</summary>
public sealed record JobFailure(string JobKey, string ZhDescription, string Error, DateTime FinishedAtUtc);

/// <summary>
/// Told of every failed run of a scheduled job, after the run history has recorded it (the Notifications module tells
/// the system administrators). Resolved in a fresh system scope; an observer's failure is logged and never fails the job.
/// </summary>
public interface IJobFailureObserver
{
    Task JobFailedAsync(JobFailure failure, CancellationToken cancellationToken);
}
