using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CongressPlatform.BuildingBlocks.Scheduling;

/// <summary><c>Scheduler:*</c> settings.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Run jobs on this node. When false the scheduler is not started (the admin API still reads the store).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Join the Quartz cluster over the shared database (every node must say the same).</summary>
    public bool Clustered { get; set; }
}

/// <summary>
/// A job the platform schedules: its key (the Quartz job and trigger name), its names for people,
/// its schedule (a cron in Asia/Shanghai time, or a fixed interval) and what it runs inside a system scope.
/// </summary>
public sealed class ScheduledJobDefinition
{
    internal ScheduledJobDefinition(
        string key, string zhDescription, string enDescription, string? cron, TimeSpan? interval,
        Type jobType, Func<IServiceProvider, CancellationToken, Task>? run)
    {
        Key = key;
        ZhDescription = zhDescription;
        EnDescription = enDescription;
        Cron = cron;
        Interval = interval;
        JobType = jobType;
        Run = run;
    }

    public string Key { get; }
    public string ZhDescription { get; }
    public string EnDescription { get; }

    /// <summary>Quartz cron expression (seconds first), evaluated in <see cref="PlatformScheduling.TimeZone"/>; null for interval jobs.</summary>
    public string? Cron { get; }

    /// <summary>Fixed interval between runs; null for cron jobs.</summary>
    public TimeSpan? Interval { get; }

    internal Type JobType { get; }

    /// <summary>The work, given the services of a fresh system scope.</summary>
    internal Func<IServiceProvider, CancellationToken, Task>? Run { get; }

    public JobKey JobKey => new(Key);

    public TriggerKey TriggerKey => new(Key);
}

/// <summary>Every job the modules and the platform registered, by key.</summary>
public sealed class ScheduledJobRegistry
{
    private readonly Dictionary<string, ScheduledJobDefinition> _byKey;

    public ScheduledJobRegistry(IEnumerable<ScheduledJobDefinition> definitions)
    {
        _byKey = new Dictionary<string, ScheduledJobDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (!_byKey.TryAdd(definition.Key, definition))
            {
                throw new InvalidOperationException($"Scheduled job '{definition.Key}' is registered twice.");
            }
        }
        All = _byKey.Values.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<ScheduledJobDefinition> All { get; }

    public ScheduledJobDefinition? Find(string key) => _byKey.GetValueOrDefault(key);
}

/// <summary>
/// Runs a registered job's body in a system scope. Concurrency is refused per job key, so a slow run
/// and the next firing, or two cluster nodes, never overlap on the same job.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RecurringCommandJob(ScheduledJobRegistry registry, IServiceScopeFactory scopes, ILogger<RecurringCommandJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var key = context.JobDetail.Key.Name;
        var definition = registry.Find(key);
        if (definition?.Run is null)
        {
            // A job left in the store by an older version of the application: stop firing it.
            logger.LogWarning("Scheduled job {JobKey} is no longer registered; unscheduling it", key);
            throw new JobExecutionException($"Scheduled job '{key}' is not registered.") { UnscheduleAllTriggers = true };
        }
        using var scope = scopes.CreateSystemScope();
        // The job's command is audited as the system acting for this job.
        scope.ServiceProvider.GetRequiredService<Audit.AuditCollector>().JobKey = key;
        await definition.Run(scope.ServiceProvider, cancellationToken);
    }
}

/// <summary>Delivers the modules' outbox messages (ARCHITECTURE rule 2). One dispatch at a time across the cluster.</summary>
[DisallowConcurrentExecution]
internal sealed class OutboxDispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public const string Key = "platform.outbox-dispatch";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var delivered = await dispatcher.DispatchAsync(cancellationToken);
        context.Result = delivered;
    }
}
