using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace CongressPlatform.BuildingBlocks.Scheduling;

/// <summary>Ready when this node's scheduler is running; a node with <c>Scheduler:Enabled=false</c> is healthy ("disabled").</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, IOptions<SchedulerOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("disabled");
        }
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            return scheduler.Status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy($"{scheduler.SchedulerName}/{scheduler.SchedulerInstanceId} running")
                : HealthCheckResult.Unhealthy($"Scheduler {scheduler.SchedulerName} is {scheduler.Status}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The scheduler could not be reached.", ex);
        }
    }
}
