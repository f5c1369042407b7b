using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.Extensions.Options;
using Quartz;

namespace CongressPlatform.BuildingBlocks.Scheduling.Features;

/// <summary>
/// Fires the job once, now, besides its schedule. The run is picked up by this node's scheduler (or by
/// any node of the cluster) and recorded like any other; job bodies are idempotent per period, so an
/// extra run never doubles their effect.
/// </summary>
[RequiresPermission(PlatformPermissions.JobsRun)]
public sealed record RunJobNowCommand(string Key) : ICommand<Unit>;

internal sealed class RunJobNowCommandHandler(ScheduledJobRegistry registry, ISchedulerFactory schedulers, IOptions<SchedulerOptions> options)
    : IRequestHandler<RunJobNowCommand, Unit>
{
    public async Task<Unit> Handle(RunJobNowCommand request, CancellationToken cancellationToken)
    {
        var definition = registry.Find(request.Key) ?? throw NotFoundException.For("定时任务", "scheduled job");
        if (options.Value is { Enabled: false, Clustered: false })
        {
            // Nobody would ever pick the firing up: no scheduler runs here and no cluster shares the store.
            throw new BusinessRuleException("scheduler.disabled", Text.Of(
                "本节点未启用定时任务调度(Scheduler:Enabled=false),无法立即执行。",
                "The scheduler is disabled on this node (Scheduler:Enabled=false); the job cannot be run now."));
        }
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(definition.JobKey, new JobDataMap(), cancellationToken);
        return Unit.Value;
    }
}
