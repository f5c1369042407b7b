using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CongressPlatform.BuildingBlocks.Exports;

/// <summary>
/// Runs queued exports one at a time on this node, each in a scope acting as the user who asked. A job is claimed
/// by a lease on its row (the version token makes two nodes' claims exclusive); a writer renews the lease with every
/// progress report, so a job whose writer died (crash, restart) is claimed again once its lease has run out.
/// </summary>
internal sealed class ExportWorker(
    IServiceScopeFactory scopes, ExportSignal signal, IOptions<ExportOptions> options, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<ExportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start after the host has started: the migrations have run by then.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunNextAsync(stoppingToken))
                {
                    continue;
                }
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The export worker failed; retrying");
                await Task.Delay(poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Claims and runs the oldest waiting job; false when there is none.</summary>
    internal async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        ExportJob? job;
        using (var system = scopes.CreateSystemScope())
        {
            var db = system.ServiceProvider.GetRequiredService<ExportsDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            job = await db.Jobs
                .Where(j => j.Status == ExportStatus.Queued || (j.Status == ExportStatus.Running && j.LeaseUntilUtc < now))
                .OrderBy(j => j.CreatedAtUtc)
                .FirstOrDefaultAsync(cancellationToken);
            if (job is null)
            {
                return false;
            }
            try
            {
                if (job.Attempts >= settings.MaxAttempts)
                {
                    await ExportRunner.FailAsync(db, job, Text.Of("导出多次中断未能完成,请重新导出。", "The export was interrupted too often; export again."),
                        settings, clock, cancellationToken);
                    await ExportRunner.NotifyAsync(system.ServiceProvider, job, completed: false, cancellationToken);
                    return true;
                }
                if (job.Status == ExportStatus.Running)
                {
                    logger.LogWarning("Export {JobId} was left running (lease ended {LeaseUntil}); taking it over", job.Id, job.LeaseUntilUtc);
                }
                job.Start(now, now.AddSeconds(settings.LeaseSeconds));
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another node claimed it first (or its user deleted it).
                return true;
            }
        }

        IServiceScope scope;
        try
        {
            scope = await scopes.CreateUserScopeAsync(
                new UserIdentity(job.UserId, job.UserName, job.TenantId, job.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries)),
                cancellationToken);
        }
        catch (AppException e)
        {
            using var system = scopes.CreateSystemScope();
            var db = system.ServiceProvider.GetRequiredService<ExportsDbContext>();
            var row = await db.Jobs.SingleOrDefaultAsync(j => j.Id == job.Id, cancellationToken);
            if (row is not null)
            {
                await ExportRunner.FailAsync(db, row, e.Message, settings, clock, cancellationToken);
            }
            return true;
        }
        using (scope)
        {
            await scope.ServiceProvider.GetRequiredService<ExportRunner>().RunByIdAsync(job.Id, cancellationToken);
        }
        return true;
    }
}
