namespace CongressPlatform.BuildingBlocks.Scheduling;

// The tables of Quartz.NET's ADO.NET job store, as Quartz 4.7.3 reads and writes them (its embedded
// create_postgres.sql / create_sqlite.sql). EF Core only owns their schema (so that our hand-written
// migrations create them); rows are written by Quartz itself, never through these classes.
// Column names are the property names in snake_case (sched_name, str_prop_1), set by SchedulerDbContext.

/// <summary>Marks an entity as a Quartz job-store table: its columns are named in snake_case.</summary>
internal interface IQuartzTable;

internal sealed class QrtzJobDetail : IQuartzTable
{
    public string SchedName { get; set; } = string.Empty;
    public string JobName { get; set; } = string.Empty;
    public string JobGroup { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string JobClassName { get; set; } = string.Empty;
    public bool IsDurable { get; set; }
    public bool IsNonconcurrent { get; set; }
    public bool IsUpdateData { get; set; }
    public bool RequestsRecovery { get; set; }
    public byte[]? JobData { get; set; }
}

internal sealed class QrtzTrigger : IQuartzTable
{
    public string SchedName { get; set; } = string.Empty;
    public string TriggerName { get; set; } = string.Empty;
    public string TriggerGroup { get; set; } = string.Empty;
    public string JobName { get; set; } = string.Empty;
    public string JobGroup { get; set; } = string.Empty;
    public string? Description { get; set; }
    public long? NextFireTime { get; set; }
    public long? PrevFireTime { get; set; }
    public int? Priority { get; set; }
    public string TriggerState { get; set; } = string.Empty;
    public string TriggerType { get; set; } = string.Empty;
    public long StartTime { get; set; }
    public long? EndTime { get; set; }
    public string? CalendarName { get; set; }
    public short? MisfireInstr { get; set; }
    public long? MisfireOrigFireTime { get; set; }
    public string? ExecutionGroup { get; set; }
    public string? PreferredNode { get; set; }
    public bool PreferredNodeAuto { get; set; }
    public string? RetryPolicy { get; set; }
    public int? RetryAttempt { get; set; }
    public string? ContinuesTriggerName { get; set; }
    public string? ContinuesTriggerGroup { get; set; }
    public int? ContinuationCondition { get; set; }
    public int? OverlapPolicy { get; set; }
    public string? PauseReason { get; set; }
    public string? PausedBy { get; set; }
    public long? PausedAt { get; set; }
    public long? MisfireThreshold { get; set; }
    public bool? FixedDelay { get; set; }
    public byte[]? JobData { get; set; }
}

/// <summary>The key every per-type trigger table shares with <see cref="QrtzTrigger"/>.</summary>
internal abstract class QrtzTriggerPart : IQuartzTable
{
    public string SchedName { get; set; } = string.Empty;
    public string TriggerName { get; set; } = string.Empty;
    public string TriggerGroup { get; set; } = string.Empty;
}

internal sealed class QrtzSimpleTrigger : QrtzTriggerPart
{
    public long RepeatCount { get; set; }
    public long RepeatInterval { get; set; }
    public long TimesTriggered { get; set; }
}

internal sealed class QrtzCronTrigger : QrtzTriggerPart
{
    public string CronExpression { get; set; } = string.Empty;
    public string? TimeZoneId { get; set; }
}

internal sealed class QrtzSimpropTrigger : QrtzTriggerPart
{
    public string? StrProp1 { get; set; }
    public string? StrProp2 { get; set; }
    public string? StrProp3 { get; set; }
    public int? IntProp1 { get; set; }
    public int? IntProp2 { get; set; }
    public long? LongProp1 { get; set; }
    public long? LongProp2 { get; set; }
    public decimal? DecProp1 { get; set; }
    public decimal? DecProp2 { get; set; }
    public bool? BoolProp1 { get; set; }
    public bool? BoolProp2 { get; set; }
    public string? TimeZoneId { get; set; }
}

internal sealed class QrtzBlobTrigger : QrtzTriggerPart
{
    public byte[]? BlobData { get; set; }
}

internal sealed class QrtzCalendar : IQuartzTable
{
    public string SchedName { get; set; } = string.Empty;
    public string CalendarName { get; set; } = string.Empty;
    public byte[] Calendar { get; set; } = [];
}

internal sealed class QrtzPausedTriggerGroup : IQuartzTable
{
    public string SchedName { get; set; } = string.Empty;
    public string TriggerGroup { get; set; } = string.Empty;
    public string? PauseReason { get; set; }
    public string? PausedBy { get; set; }
    public long? PausedAt { get; set; }
}

internal sealed class QrtzPausedJobGroup : IQuartzTable
{
    public string SchedName { get; set; } = string.Empty;
    public string JobGroup { get; set; } = string.Empty;
    public string? PauseReason { get; set; }
    public string? PausedBy { get; set; }
    public long? PausedAt { get; set; }
}

internal sealed class QrtzFiredTrigger : IQuartzTable
{
    public string SchedName { get; set; } = string.Empty;
    public string EntryId { get; set; } = string.Empty;
    public string TriggerName { get; set; } = string.Empty;
    public string TriggerGroup { get; set; } = string.Empty;
    public string InstanceName { get; set; } = string.Empty;
    public long FiredTime { get; set; }
    public long SchedTime { get; set; }
    public int Priority { get; set; }
    public string State { get; set; } = string.Empty;
    public string? JobName { get; set; }
    public string? JobGroup { get; set; }
    public bool IsNonconcurrent { get; set; }
    public bool? RequestsRecovery { get; set; }
    public string? ExecutionGroup { get; set; }
    public int? Progress { get; set; }
    public string? ProgressMessage { get; set; }
    public long? InterruptRequestedTime { get; set; }
}

internal sealed class QrtzSchedulerState : IQuartzTable
{
    public string SchedName { get; set; } = string.Empty;
    public string InstanceName { get; set; } = string.Empty;
    public long LastCheckinTime { get; set; }
    public long CheckinInterval { get; set; }
    public string? QuartzVersion { get; set; }
}

internal sealed class QrtzLock : IQuartzTable
{
    public string SchedName { get; set; } = string.Empty;
    public string LockName { get; set; } = string.Empty;
}

internal sealed class QrtzExecutionHistory : IQuartzTable
{
    public string SchedName { get; set; } = string.Empty;
    public string EntryId { get; set; } = string.Empty;
    public string InstanceName { get; set; } = string.Empty;
    public string JobName { get; set; } = string.Empty;
    public string JobGroup { get; set; } = string.Empty;
    public string TriggerName { get; set; } = string.Empty;
    public string TriggerGroup { get; set; } = string.Empty;
    public long FiredTime { get; set; }
    public long RunTime { get; set; }
    public bool Succeeded { get; set; }
    public string? ErrorMessage { get; set; }
    public int RetryAttempt { get; set; }
    public bool RetryScheduled { get; set; }
    public string? ExecutionLog { get; set; }
    public int? Result { get; set; }
    public string? Summary { get; set; }
    public string? Metrics { get; set; }
    public bool? Manual { get; set; }
    public string? FireInstanceId { get; set; }
    public string? JobInput { get; set; }
    public bool? JobInputTooLarge { get; set; }
}

internal sealed class QrtzMisfireHistory : IQuartzTable
{
    public string SchedName { get; set; } = string.Empty;
    public string EntryId { get; set; } = string.Empty;
    public string InstanceName { get; set; } = string.Empty;
    public string TriggerName { get; set; } = string.Empty;
    public string TriggerGroup { get; set; } = string.Empty;
    public string? JobName { get; set; }
    public string? JobGroup { get; set; }
    public long MisfireTime { get; set; }
    public long? SchedTime { get; set; }
    public int? Reason { get; set; }
}

internal sealed class QrtzJobStatus : IQuartzTable
{
    public string SchedName { get; set; } = string.Empty;
    public string JobGroup { get; set; } = string.Empty;
    public string JobName { get; set; } = string.Empty;
    public long FirstFiredTime { get; set; }
    public long LastFiredTime { get; set; }
    public int LastResult { get; set; }
    public long LastRunTime { get; set; }
    public string LastInstanceName { get; set; } = string.Empty;
    public string? LastEntryId { get; set; }
    public string? LastSummary { get; set; }
    public long? LastSuccessTime { get; set; }
    public long? LastFailureTime { get; set; }
    public string? LastFailureMessage { get; set; }
    public int ConsecutiveFailures { get; set; }
    public long RunCount { get; set; }
    public long FailureCount { get; set; }
}
