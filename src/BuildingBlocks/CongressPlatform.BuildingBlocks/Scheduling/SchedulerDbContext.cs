using System.Text;
using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CongressPlatform.BuildingBlocks.Scheduling;

/// <summary>One run of a scheduled job, as the job listener saw it. The last 100 per job are kept.</summary>
public sealed class JobRun
{
    public Guid Id { get; set; }

    /// <summary>The job's key (its Quartz job name), e.g. <c>platform.outbox-dispatch</c>.</summary>
    public string JobKey { get; set; } = string.Empty;

    /// <summary>Quartz's id of this firing; unique per run, across the cluster.</summary>
    public string FireInstanceId { get; set; } = string.Empty;

    public DateTime StartedAtUtc { get; set; }

    /// <summary>Null while the job is running (or when the node died during the run).</summary>
    public DateTime? FinishedAtUtc { get; set; }

    public bool Succeeded { get; set; }

    public string? Error { get; set; }
}

/// <summary>
/// The scheduler's own schema: Quartz's ADO.NET job-store tables (created by our migrations, read and
/// written by Quartz through its table prefix <c>scheduler_qrtz_</c> on SQLite, <c>scheduler.qrtz_</c>
/// on PostgreSQL) and <c>job_runs</c>, the run history the admin API shows.
/// </summary>
internal sealed class SchedulerDbContext(DbContextOptions<SchedulerDbContext> options, ModuleDbContextDependencies dependencies)
    : ModuleDbContext(options, dependencies), IModuleSchema
{
    public static string SchemaName => "scheduler";

    /// <summary>Quartz's table names start with this, inside the module's schema (or after its SQLite prefix).</summary>
    public const string QuartzTablePrefix = "qrtz_";

    public override string Schema => SchemaName;

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<JobRun>(b =>
        {
            b.ToTable("job_runs");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.JobKey).HasMaxLength(200).IsRequired();
            b.Property(r => r.FireInstanceId).HasMaxLength(200).IsRequired();
            b.Property(r => r.Error).HasMaxLength(2000);
            b.HasIndex(r => new { r.JobKey, r.StartedAtUtc });
        });

        modelBuilder.Entity<QrtzJobDetail>(b =>
        {
            Table(b, "job_details");
            b.HasKey(j => new { j.SchedName, j.JobName, j.JobGroup });
            b.Property(j => j.JobClassName).IsRequired();
            b.HasIndex(j => new { j.SchedName, j.JobGroup, j.JobName }).HasDatabaseName("idx_qrtz_j_g_n");
        });

        modelBuilder.Entity<QrtzTrigger>(b =>
        {
            Table(b, "triggers");
            b.HasKey(t => new { t.SchedName, t.TriggerName, t.TriggerGroup });
            b.Property(t => t.JobName).IsRequired();
            b.Property(t => t.JobGroup).IsRequired();
            b.Property(t => t.TriggerState).IsRequired();
            b.Property(t => t.TriggerType).IsRequired();
            b.Property(t => t.ExecutionGroup).HasMaxLength(200);
            b.Property(t => t.PreferredNode).HasMaxLength(200);
            b.Property(t => t.PreferredNodeAuto).HasDefaultValue(false);
            b.Property(t => t.RetryPolicy).HasMaxLength(250);
            b.Property(t => t.PauseReason).HasMaxLength(250);
            b.Property(t => t.PausedBy).HasMaxLength(200);
            b.HasOne<QrtzJobDetail>().WithMany()
                .HasForeignKey(t => new { t.SchedName, t.JobName, t.JobGroup })
                .OnDelete(DeleteBehavior.NoAction)
                .HasConstraintName("fk_qrtz_triggers_job_details");
            b.HasIndex(t => new { t.SchedName, t.JobName, t.JobGroup }).HasDatabaseName("idx_qrtz_t_j");
            b.HasIndex(t => new { t.SchedName, t.TriggerGroup, t.TriggerName }).HasDatabaseName("idx_qrtz_t_g_n");
            b.HasIndex(t => new { t.SchedName, t.CalendarName }).HasDatabaseName("idx_qrtz_t_c");
            b.HasIndex(t => new { t.SchedName, t.TriggerState, t.NextFireTime, t.Priority, t.MisfireInstr })
                .IsDescending(false, false, false, true, false)
                .HasDatabaseName("idx_qrtz_t_nft_st");
        });

        TriggerPart<QrtzSimpleTrigger>(modelBuilder, "simple_triggers");
        TriggerPart<QrtzCronTrigger>(modelBuilder, "cron_triggers").Property(t => t.CronExpression).IsRequired();
        var simprop = TriggerPart<QrtzSimpropTrigger>(modelBuilder, "simprop_triggers");
        // Quartz declares these plain NUMERIC: no precision, unlike the platform's money convention.
        simprop.Property(t => t.DecProp1).Metadata.SetPrecision(null);
        simprop.Property(t => t.DecProp1).Metadata.SetScale(null);
        simprop.Property(t => t.DecProp2).Metadata.SetPrecision(null);
        simprop.Property(t => t.DecProp2).Metadata.SetScale(null);
        TriggerPart<QrtzBlobTrigger>(modelBuilder, "blob_triggers");

        modelBuilder.Entity<QrtzCalendar>(b =>
        {
            Table(b, "calendars");
            b.HasKey(c => new { c.SchedName, c.CalendarName });
            b.Property(c => c.Calendar).IsRequired();
        });

        modelBuilder.Entity<QrtzPausedTriggerGroup>(b =>
        {
            Table(b, "paused_trigger_grps");
            b.HasKey(p => new { p.SchedName, p.TriggerGroup });
            b.Property(p => p.PauseReason).HasMaxLength(250);
            b.Property(p => p.PausedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<QrtzPausedJobGroup>(b =>
        {
            Table(b, "paused_job_grps");
            b.HasKey(p => new { p.SchedName, p.JobGroup });
            b.Property(p => p.PauseReason).HasMaxLength(250);
            b.Property(p => p.PausedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<QrtzFiredTrigger>(b =>
        {
            Table(b, "fired_triggers");
            b.HasKey(f => new { f.SchedName, f.EntryId });
            b.Property(f => f.TriggerName).IsRequired();
            b.Property(f => f.TriggerGroup).IsRequired();
            b.Property(f => f.InstanceName).IsRequired();
            b.Property(f => f.State).IsRequired();
            b.Property(f => f.ExecutionGroup).HasMaxLength(200);
            b.Property(f => f.ProgressMessage).HasMaxLength(250);
            b.HasIndex(f => new { f.SchedName, f.InstanceName, f.RequestsRecovery }).HasDatabaseName("idx_qrtz_ft_inst_job_req_rcvry");
            b.HasIndex(f => new { f.SchedName, f.JobName, f.JobGroup }).HasDatabaseName("idx_qrtz_ft_j_g");
            b.HasIndex(f => new { f.SchedName, f.TriggerName, f.TriggerGroup }).HasDatabaseName("idx_qrtz_ft_t_g");
        });

        modelBuilder.Entity<QrtzSchedulerState>(b =>
        {
            Table(b, "scheduler_state");
            b.HasKey(s => new { s.SchedName, s.InstanceName });
            b.Property(s => s.QuartzVersion).HasMaxLength(20);
        });

        modelBuilder.Entity<QrtzLock>(b =>
        {
            Table(b, "locks");
            b.HasKey(l => new { l.SchedName, l.LockName });
        });

        modelBuilder.Entity<QrtzExecutionHistory>(b =>
        {
            Table(b, "execution_history");
            b.HasKey(h => new { h.SchedName, h.EntryId });
            b.Property(h => h.InstanceName).IsRequired();
            b.Property(h => h.JobName).IsRequired();
            b.Property(h => h.JobGroup).IsRequired();
            b.Property(h => h.TriggerName).IsRequired();
            b.Property(h => h.TriggerGroup).IsRequired();
            b.Property(h => h.RetryAttempt).HasDefaultValue(0);
            b.Property(h => h.RetryScheduled).HasDefaultValue(false);
            b.HasIndex(h => new { h.SchedName, h.FiredTime }).HasDatabaseName("idx_qrtz_eh_fired_time");
            b.HasIndex(h => new { h.SchedName, h.InstanceName }).HasDatabaseName("idx_qrtz_eh_inst");
            b.HasIndex(h => new { h.SchedName, h.JobGroup, h.JobName, h.FiredTime }).HasDatabaseName("idx_qrtz_eh_job_time");
            b.HasIndex(h => new { h.SchedName, h.FireInstanceId }).HasDatabaseName("idx_qrtz_eh_fire_inst");
            b.HasIndex(h => new { h.SchedName, h.TriggerGroup, h.TriggerName, h.FiredTime }).HasDatabaseName("idx_qrtz_eh_trig_time");
        });

        modelBuilder.Entity<QrtzMisfireHistory>(b =>
        {
            Table(b, "misfire_history");
            b.HasKey(h => new { h.SchedName, h.EntryId });
            b.Property(h => h.InstanceName).IsRequired();
            b.Property(h => h.TriggerName).IsRequired();
            b.Property(h => h.TriggerGroup).IsRequired();
            b.HasIndex(h => new { h.SchedName, h.MisfireTime }).HasDatabaseName("idx_qrtz_mh_misfire_time");
            b.HasIndex(h => new { h.SchedName, h.InstanceName }).HasDatabaseName("idx_qrtz_mh_inst");
        });

        modelBuilder.Entity<QrtzJobStatus>(b =>
        {
            Table(b, "job_status");
            b.HasKey(s => new { s.SchedName, s.JobGroup, s.JobName });
            b.Property(s => s.LastInstanceName).IsRequired();
            b.Property(s => s.ConsecutiveFailures).HasDefaultValue(0);
            b.Property(s => s.RunCount).HasDefaultValue(0L);
            b.Property(s => s.FailureCount).HasDefaultValue(0L);
        });
    }

    /// <summary>Maps a Quartz table: <c>qrtz_{name}</c>, snake_case columns, key columns required.</summary>
    private static void Table<T>(EntityTypeBuilder<T> builder, string name)
        where T : class, IQuartzTable
    {
        builder.ToTable(QuartzTablePrefix + name);
        foreach (var property in builder.Metadata.ClrType.GetProperties())
        {
            builder.Property(property.Name).HasColumnName(SnakeCase(property.Name));
        }
        builder.Property<string>(nameof(QrtzJobDetail.SchedName)).IsRequired();
    }

    private static EntityTypeBuilder<T> TriggerPart<T>(ModelBuilder modelBuilder, string name)
        where T : QrtzTriggerPart
    {
        var builder = modelBuilder.Entity<T>();
        Table(builder, name);
        builder.HasKey(t => new { t.SchedName, t.TriggerName, t.TriggerGroup });
        builder.HasOne<QrtzTrigger>().WithOne()
            .HasForeignKey<T>(t => new { t.SchedName, t.TriggerName, t.TriggerGroup })
            .OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName($"fk_qrtz_{name}_triggers");
        return builder;
    }

    /// <summary><c>SchedName</c> → <c>sched_name</c>, <c>StrProp1</c> → <c>str_prop_1</c>: Quartz's column names.</summary>
    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(name[i - 1]))))
            {
                sb.Append('_');
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
