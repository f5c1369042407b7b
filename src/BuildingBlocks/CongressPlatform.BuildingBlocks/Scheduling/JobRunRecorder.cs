using CongressPlatform.BuildingBlocks.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CongressPlatform.BuildingBlocks.Scheduling;

/// <summary>
/// Writes every run of every job to <c>job_runs</c>: a row when it starts, its outcome when it ends,
/// and keeps the last <see cref="KeepPerJob"/> rows per job. A failed run is then handed to the
/// <see cref="IJobFailureObserver"/>s. A failure to record or to tell never fails the job.
/// </summary>
internal sealed class JobRunRecorder(
    IServiceScopeFactory scopes, ScheduledJobRegistry registry, TimeProvider clock, ILogger<JobRunRecorder> logger) : IJobListener
{
    public const int KeepPerJob = 100;
    public const int MaxErrorLength = 2000;

    public string Name => "CongressPlatform.JobRunRecorder";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var scope = scopes.CreateSystemScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulerDbContext>();
            db.JobRuns.Add(new JobRun
            {
                Id = Guid.CreateVersion7(),
                JobKey = context.JobDetail.Key.Name,
                FireInstanceId = context.FireInstanceId,
                StartedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not record the start of job {JobKey}", context.JobDetail.Key);
        }
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        try
        {
            var key = context.JobDetail.Key.Name;
            using var scope = scopes.CreateSystemScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulerDbContext>();
            var run = await db.JobRuns.SingleOrDefaultAsync(r => r.JobKey == key && r.FireInstanceId == context.FireInstanceId, cancellationToken);
            if (run is null)
            {
                // The start was not recorded (the database was briefly unavailable): record the run whole.
                run = new JobRun
                {
                    Id = Guid.CreateVersion7(),
                    JobKey = key,
                    FireInstanceId = context.FireInstanceId,
                    StartedAtUtc = context.FireTimeUtc.UtcDateTime,
                };
                db.JobRuns.Add(run);
            }
            run.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
            run.Succeeded = jobException is null;
            run.Error = jobException is null ? null : Describe(jobException);
            await db.SaveChangesAsync(cancellationToken);

            var stale = await db.JobRuns
                .Where(r => r.JobKey == key)
                .OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id)
                .Skip(KeepPerJob)
                .Select(r => r.Id)
                .ToListAsync(cancellationToken);
            if (stale.Count > 0)
            {
                await db.JobRuns.Where(r => stale.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not record the outcome of job {JobKey}", context.JobDetail.Key);
        }
        if (jobException is not null)
        {
            await TellObserversAsync(context.JobDetail.Key.Name, Describe(jobException), cancellationToken);
        }
    }

    private async Task TellObserversAsync(string key, string error, CancellationToken cancellationToken)
    {
        var failure = new JobFailure(key, registry.Find(key)?.ZhDescription ?? key, error, clock.GetUtcNow().UtcDateTime);
        using var scope = scopes.CreateSystemScope();
        foreach (var observer in scope.ServiceProvider.GetServices<IJobFailureObserver>())
        {
            try
            {
                await observer.JobFailedAsync(failure, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Observer} could not be told that job {JobKey} failed", observer.GetType().Name, key);
            }
        }
    }

    /// <summary>What the job threw (Quartz wraps it, twice), as one line for the admin screen.</summary>
    private static string Describe(JobExecutionException jobException)
    {
        var cause = jobException.GetBaseException();
        var text = $"{cause.GetType().Name}: {cause.Message}";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
