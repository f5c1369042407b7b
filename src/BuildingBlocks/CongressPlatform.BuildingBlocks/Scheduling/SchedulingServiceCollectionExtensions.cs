using System.Reflection;
using CongressPlatform.BuildingBlocks.Messaging;
using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace CongressPlatform.BuildingBlocks.Scheduling;

/// <summary>The platform's one scheduler (ARCHITECTURE rule 8).</summary>
public static class PlatformScheduling
{
    /// <summary>Quartz's scheduler name (<c>sched_name</c> in its tables).</summary>
    public const string SchedulerName = "CongressPlatform";

    /// <summary>Every cron runs in Beijing time, whatever the server's zone.</summary>
    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Quartz's table prefix: our migrations create <c>scheduler_qrtz_*</c> on SQLite and <c>scheduler.qrtz_*</c> on PostgreSQL.</summary>
    public static string TablePrefixFor(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => $"{SchedulerDbContext.SchemaName}_{SchedulerDbContext.QuartzTablePrefix}",
        DatabaseProvider.PostgreSql => $"{SchedulerDbContext.SchemaName}.{SchedulerDbContext.QuartzTablePrefix}",
        _ => throw new InvalidOperationException($"Unsupported database provider {provider}."),
    };
}

public static class SchedulingServiceCollectionExtensions
{
    private const int MaxKeyLength = 150;

    /// <summary>
    /// Quartz over its persistent store in the platform database (tables created by the scheduler's
    /// migrations, never by Quartz), the job-run history, the outbox dispatch job and the health check.
    /// <c>Scheduler:Enabled</c> (default true) starts it on this node; <c>Scheduler:Clustered</c>
    /// (default false) joins the cluster of nodes sharing the database; <c>Outbox:IntervalSeconds</c>
    /// (default 5) paces the outbox.
    /// </summary>
    public static IServiceCollection AddPlatformScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<SchedulerDbContext>();
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.Section));
        services.TryAddSingleton<ScheduledJobRegistry>();

        var scheduler = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        // The provider is a start-up choice; the connection string is resolved later (DatabaseOptions' PostConfigure).
        var provider = configuration.GetSection(DatabaseOptions.Section).GetValue(nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = PlatformScheduling.SchedulerName;
                // Instance id AUTO: generated at start (host name + ticks), unique per cluster node. Quartz asks
                // the generator only for a clustered store; a lone scheduler is NON_CLUSTERED.
                s.GenerateInstanceId = true;
            });
            q.UseDefaultTimeZone(PlatformScheduling.TimeZone);
            q.ConfigureOptions<QuartzOptions>(o =>
            {
                // Declared jobs replace what the store holds, so restarts and other nodes never duplicate them,
                // and a replaced trigger keeps its firing history (a restart does not re-fire the last occurrence).
                o.Scheduling.OverwriteExistingData = true;
                o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer(_ => { });
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = PlatformScheduling.TablePrefixFor(provider);
                    o.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                switch (provider)
                {
                    case DatabaseProvider.Sqlite:
                        store.UseSqlite(ds => ds.DataSourceFactory = sp => SqliteFactory.Instance.CreateDataSource(ConnectionString(sp)));
                        break;
                    case DatabaseProvider.PostgreSql:
                        store.UsePostgres(ds => ds.DataSourceFactory = sp => NpgsqlDataSource.Create(ConnectionString(sp)));
                        break;
                    default:
                        throw new InvalidOperationException($"Unsupported database provider {provider}.");
                }
                if (scheduler.Clustered)
                {
                    store.UseClustering(_ => { });
                }
            });
            q.AddJobListener<JobRunRecorder>([Matchers.AllJobs()]);
        });

        if (scheduler.Enabled)
        {
            // Starts after the application has started, i.e. after MigrateModulesAsync created the tables.
            services.AddQuartzHostedService(o =>
            {
                o.WaitForJobsToComplete = true;
                o.AwaitApplicationStarted = true;
            });
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Outbox:IntervalSeconds", 5)));
        services.AddScheduledJob<OutboxDispatchJob>(new ScheduledJobDefinition(
            OutboxDispatchJob.Key,
            "投递模块间集成事件(发件箱)",
            "Dispatch integration events between modules (outbox)",
            cron: null,
            interval,
            typeof(OutboxDispatchJob),
            run: null));

        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Sends <typeparamref name="TCommand"/> (a new instance, through the whole MediatR pipeline, in a
    /// system scope) on a Quartz cron schedule evaluated in Asia/Shanghai time, e.g. <c>"0 0 2 * * ?"</c>
    /// for 02:00 every day. The job is stored under <paramref name="key"/> and replaced on every start.
    /// <para>
    /// The command must be idempotent per period: it works out which period it is for ("the notice for
    /// station X, 2026-11") and does nothing for a period already done, because a retry, a misfire
    /// recovered after downtime, an administrator's "run now", or a node taking over in a cluster may run
    /// it again for the same period.
    /// </para>
    /// </summary>
    /// <param name="key">Stable job key, <c>module.job-name</c> (at most 150 characters).</param>
    /// <param name="cron">Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]).</param>
    /// <param name="zhDescription">What the job does, in Chinese (shown first).</param>
    /// <param name="enDescription">What the job does, in English.</param>
    public static IServiceCollection AddRecurringCommand<TCommand>(
        this IServiceCollection services, string key, string cron, string zhDescription, string enDescription)
        where TCommand : IBaseRequest, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(cron);
        ArgumentException.ThrowIfNullOrWhiteSpace(zhDescription);
        ArgumentException.ThrowIfNullOrWhiteSpace(enDescription);
        if (!CronExpression.TryParse(cron, out _))
        {
            throw new ArgumentException($"'{cron}' is not a valid Quartz cron expression (job '{key}').", nameof(cron));
        }
        var command = typeof(TCommand).GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))
            ?? throw new ArgumentException($"{typeof(TCommand).FullName} is not an ICommand<T>; only commands can be scheduled.", nameof(TCommand));
        // Fails now, not at 02:00, when the command declares no permission.
        _ = RequestPermissions.Of(typeof(TCommand));

        var send = SendMethod
            .MakeGenericMethod(typeof(TCommand), command.GetGenericArguments()[0])
            .CreateDelegate<Func<IServiceProvider, CancellationToken, Task>>();
        return services.AddScheduledJob<RecurringCommandJob>(new ScheduledJobDefinition(
            key, zhDescription, enDescription, cron, interval: null, typeof(RecurringCommandJob), send));
    }

    private static readonly MethodInfo SendMethod =
        typeof(SchedulingServiceCollectionExtensions).GetMethod(nameof(SendCommand), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task<TResult> SendCommand<TCommand, TResult>(IServiceProvider services, CancellationToken cancellationToken)
        where TCommand : ICommand<TResult>, new() =>
        services.GetRequiredService<IMediator>().Send(new TCommand(), cancellationToken);

    private static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, ScheduledJobDefinition definition)
        where TJob : class, IJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Key);
        if (definition.Key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"Job key '{definition.Key}' is longer than {MaxKeyLength} characters.", nameof(definition));
        }
        if (services.Any(d => d.ServiceType == typeof(ScheduledJobDefinition) && d.ImplementationInstance is ScheduledJobDefinition other && other.Key == definition.Key))
        {
            throw new InvalidOperationException($"Scheduled job '{definition.Key}' is registered twice.");
        }
        services.AddSingleton(definition);
        services.TryAddSingleton<ScheduledJobRegistry>();
        services.AddQuartz(q =>
        {
            q.AddJob<TJob>(j => j.WithIdentity(definition.JobKey).WithDescription(definition.ZhDescription));
            q.AddTrigger<TJob>(t =>
            {
                t.WithIdentity(definition.TriggerKey).ForJob(definition.JobKey).WithDescription(definition.ZhDescription);
                if (definition.Cron is { } cron)
                {
                    t.WithCronSchedule(cron, c => c
                        .InTimeZone(PlatformScheduling.TimeZone)
                        .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
                }
                else
                {
                    t.WithSimpleSchedule(s => s
                        .WithInterval(definition.Interval!.Value)
                        .RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount));
                }
            });
        });
        return services;
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
}
