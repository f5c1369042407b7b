using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CongressPlatform.BuildingBlocks.Scheduling.Migrations;

/// <summary>
/// Quartz.NET's ADO.NET job store (the tables of Quartz 4.7.3's own schema scripts, same column names,
/// types and indexes) and the platform's <c>job_runs</c>. Hand-written and provider-neutral (ADR 0004):
/// on PostgreSQL the tables live in schema <c>scheduler</c> (<c>scheduler.qrtz_triggers</c>), on SQLite
/// they are prefixed (<c>scheduler_qrtz_triggers</c>); Quartz's table prefix follows (SchedulingServiceCollectionExtensions).
/// </summary>
[DbContext(typeof(SchedulerDbContext))]
[Migration("20261122000000_InitialScheduler")]
internal sealed class InitialScheduler : Migration
{
    private const string Schema = "scheduler";

    private static readonly string[] QuartzTables =
    [
        "job_status", "misfire_history", "execution_history", "locks", "scheduler_state", "fired_triggers",
        "paused_job_grps", "paused_trigger_grps", "calendars", "blob_triggers", "simprop_triggers",
        "cron_triggers", "simple_triggers", "triggers", "job_details",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.CreateModuleSchema(Schema);

        var runs = migrationBuilder.ModuleTable(Schema, "job_runs");
        migrationBuilder.CreateTable(
            name: runs,
            schema: schema,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                JobKey = table.Column<string>(maxLength: 200, nullable: false),
                FireInstanceId = table.Column<string>(maxLength: 200, nullable: false),
                StartedAtUtc = table.Column<DateTime>(nullable: false),
                FinishedAtUtc = table.Column<DateTime>(nullable: true),
                Succeeded = table.Column<bool>(nullable: false),
                Error = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{runs}", x => x.Id));
        migrationBuilder.CreateIndex($"IX_{runs}_JobKey_StartedAtUtc", runs, ["JobKey", "StartedAtUtc"], schema);

        CreateQuartzTables(migrationBuilder, schema);
    }

    private static void CreateQuartzTables(MigrationBuilder migrationBuilder, string? schema)
    {
        string Q(string table) => migrationBuilder.ModuleTable(Schema, SchedulerDbContext.QuartzTablePrefix + table);
        string[] triggerKey = ["sched_name", "trigger_name", "trigger_group"];

        var jobDetails = Q("job_details");
        migrationBuilder.CreateTable(
            name: jobDetails,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                job_name = table.Column<string>(nullable: false),
                job_group = table.Column<string>(nullable: false),
                description = table.Column<string>(nullable: true),
                job_class_name = table.Column<string>(nullable: false),
                is_durable = table.Column<bool>(nullable: false),
                is_nonconcurrent = table.Column<bool>(nullable: false),
                is_update_data = table.Column<bool>(nullable: false),
                requests_recovery = table.Column<bool>(nullable: false),
                job_data = table.Column<byte[]>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{jobDetails}", x => new { x.sched_name, x.job_name, x.job_group }));
        migrationBuilder.CreateIndex("idx_qrtz_j_g_n", jobDetails, ["sched_name", "job_group", "job_name"], schema);

        var triggers = Q("triggers");
        migrationBuilder.CreateTable(
            name: triggers,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                trigger_name = table.Column<string>(nullable: false),
                trigger_group = table.Column<string>(nullable: false),
                job_name = table.Column<string>(nullable: false),
                job_group = table.Column<string>(nullable: false),
                description = table.Column<string>(nullable: true),
                next_fire_time = table.Column<long>(nullable: true),
                prev_fire_time = table.Column<long>(nullable: true),
                priority = table.Column<int>(nullable: true),
                trigger_state = table.Column<string>(nullable: false),
                trigger_type = table.Column<string>(nullable: false),
                start_time = table.Column<long>(nullable: false),
                end_time = table.Column<long>(nullable: true),
                calendar_name = table.Column<string>(nullable: true),
                misfire_instr = table.Column<short>(nullable: true),
                misfire_orig_fire_time = table.Column<long>(nullable: true),
                execution_group = table.Column<string>(maxLength: 200, nullable: true),
                preferred_node = table.Column<string>(maxLength: 200, nullable: true),
                preferred_node_auto = table.Column<bool>(nullable: false, defaultValue: false),
                retry_policy = table.Column<string>(maxLength: 250, nullable: true),
                retry_attempt = table.Column<int>(nullable: true),
                continues_trigger_name = table.Column<string>(nullable: true),
                continues_trigger_group = table.Column<string>(nullable: true),
                continuation_condition = table.Column<int>(nullable: true),
                overlap_policy = table.Column<int>(nullable: true),
                pause_reason = table.Column<string>(maxLength: 250, nullable: true),
                paused_by = table.Column<string>(maxLength: 200, nullable: true),
                paused_at = table.Column<long>(nullable: true),
                misfire_threshold = table.Column<long>(nullable: true),
                fixed_delay = table.Column<bool>(nullable: true),
                job_data = table.Column<byte[]>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{triggers}", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                table.ForeignKey(
                    name: "fk_qrtz_triggers_job_details",
                    columns: x => new { x.sched_name, x.job_name, x.job_group },
                    principalTable: jobDetails,
                    principalSchema: schema,
                    principalColumns: ["sched_name", "job_name", "job_group"],
                    onDelete: ReferentialAction.NoAction);
            });
        migrationBuilder.CreateIndex("idx_qrtz_t_j", triggers, ["sched_name", "job_name", "job_group"], schema);
        migrationBuilder.CreateIndex("idx_qrtz_t_g_n", triggers, ["sched_name", "trigger_group", "trigger_name"], schema);
        migrationBuilder.CreateIndex("idx_qrtz_t_c", triggers, ["sched_name", "calendar_name"], schema);
        migrationBuilder.CreateIndex(
            name: "idx_qrtz_t_nft_st",
            table: triggers,
            columns: ["sched_name", "trigger_state", "next_fire_time", "priority", "misfire_instr"],
            schema: schema,
            descending: [false, false, false, true, false]);

        var simple = Q("simple_triggers");
        migrationBuilder.CreateTable(
            name: simple,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                trigger_name = table.Column<string>(nullable: false),
                trigger_group = table.Column<string>(nullable: false),
                repeat_count = table.Column<long>(nullable: false),
                repeat_interval = table.Column<long>(nullable: false),
                times_triggered = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{simple}", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                table.ForeignKey("fk_qrtz_simple_triggers_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group },
                    triggers, triggerKey, schema, onDelete: ReferentialAction.Cascade);
            });

        var cron = Q("cron_triggers");
        migrationBuilder.CreateTable(
            name: cron,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                trigger_name = table.Column<string>(nullable: false),
                trigger_group = table.Column<string>(nullable: false),
                cron_expression = table.Column<string>(nullable: false),
                time_zone_id = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{cron}", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                table.ForeignKey("fk_qrtz_cron_triggers_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group },
                    triggers, triggerKey, schema, onDelete: ReferentialAction.Cascade);
            });

        var simprop = Q("simprop_triggers");
        migrationBuilder.CreateTable(
            name: simprop,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                trigger_name = table.Column<string>(nullable: false),
                trigger_group = table.Column<string>(nullable: false),
                str_prop_1 = table.Column<string>(nullable: true),
                str_prop_2 = table.Column<string>(nullable: true),
                str_prop_3 = table.Column<string>(nullable: true),
                int_prop_1 = table.Column<int>(nullable: true),
                int_prop_2 = table.Column<int>(nullable: true),
                long_prop_1 = table.Column<long>(nullable: true),
                long_prop_2 = table.Column<long>(nullable: true),
                dec_prop_1 = table.Column<decimal>(nullable: true),
                dec_prop_2 = table.Column<decimal>(nullable: true),
                bool_prop_1 = table.Column<bool>(nullable: true),
                bool_prop_2 = table.Column<bool>(nullable: true),
                time_zone_id = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{simprop}", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                table.ForeignKey("fk_qrtz_simprop_triggers_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group },
                    triggers, triggerKey, schema, onDelete: ReferentialAction.Cascade);
            });

        var blob = Q("blob_triggers");
        migrationBuilder.CreateTable(
            name: blob,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                trigger_name = table.Column<string>(nullable: false),
                trigger_group = table.Column<string>(nullable: false),
                blob_data = table.Column<byte[]>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey($"PK_{blob}", x => new { x.sched_name, x.trigger_name, x.trigger_group });
                table.ForeignKey("fk_qrtz_blob_triggers_triggers", x => new { x.sched_name, x.trigger_name, x.trigger_group },
                    triggers, triggerKey, schema, onDelete: ReferentialAction.Cascade);
            });

        var calendars = Q("calendars");
        migrationBuilder.CreateTable(
            name: calendars,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                calendar_name = table.Column<string>(nullable: false),
                calendar = table.Column<byte[]>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{calendars}", x => new { x.sched_name, x.calendar_name }));

        var pausedTriggerGroups = Q("paused_trigger_grps");
        migrationBuilder.CreateTable(
            name: pausedTriggerGroups,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                trigger_group = table.Column<string>(nullable: false),
                pause_reason = table.Column<string>(maxLength: 250, nullable: true),
                paused_by = table.Column<string>(maxLength: 200, nullable: true),
                paused_at = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{pausedTriggerGroups}", x => new { x.sched_name, x.trigger_group }));

        var pausedJobGroups = Q("paused_job_grps");
        migrationBuilder.CreateTable(
            name: pausedJobGroups,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                job_group = table.Column<string>(nullable: false),
                pause_reason = table.Column<string>(maxLength: 250, nullable: true),
                paused_by = table.Column<string>(maxLength: 200, nullable: true),
                paused_at = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{pausedJobGroups}", x => new { x.sched_name, x.job_group }));

        var fired = Q("fired_triggers");
        migrationBuilder.CreateTable(
            name: fired,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                entry_id = table.Column<string>(nullable: false),
                trigger_name = table.Column<string>(nullable: false),
                trigger_group = table.Column<string>(nullable: false),
                instance_name = table.Column<string>(nullable: false),
                fired_time = table.Column<long>(nullable: false),
                sched_time = table.Column<long>(nullable: false),
                priority = table.Column<int>(nullable: false),
                state = table.Column<string>(nullable: false),
                job_name = table.Column<string>(nullable: true),
                job_group = table.Column<string>(nullable: true),
                is_nonconcurrent = table.Column<bool>(nullable: false),
                requests_recovery = table.Column<bool>(nullable: true),
                execution_group = table.Column<string>(maxLength: 200, nullable: true),
                progress = table.Column<int>(nullable: true),
                progress_message = table.Column<string>(maxLength: 250, nullable: true),
                interrupt_requested_time = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{fired}", x => new { x.sched_name, x.entry_id }));
        migrationBuilder.CreateIndex("idx_qrtz_ft_inst_job_req_rcvry", fired, ["sched_name", "instance_name", "requests_recovery"], schema);
        migrationBuilder.CreateIndex("idx_qrtz_ft_j_g", fired, ["sched_name", "job_name", "job_group"], schema);
        migrationBuilder.CreateIndex("idx_qrtz_ft_t_g", fired, ["sched_name", "trigger_name", "trigger_group"], schema);

        var state = Q("scheduler_state");
        migrationBuilder.CreateTable(
            name: state,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                instance_name = table.Column<string>(nullable: false),
                last_checkin_time = table.Column<long>(nullable: false),
                checkin_interval = table.Column<long>(nullable: false),
                quartz_version = table.Column<string>(maxLength: 20, nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{state}", x => new { x.sched_name, x.instance_name }));

        var locks = Q("locks");
        migrationBuilder.CreateTable(
            name: locks,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                lock_name = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey($"PK_{locks}", x => new { x.sched_name, x.lock_name }));

        var history = Q("execution_history");
        migrationBuilder.CreateTable(
            name: history,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                entry_id = table.Column<string>(nullable: false),
                instance_name = table.Column<string>(nullable: false),
                job_name = table.Column<string>(nullable: false),
                job_group = table.Column<string>(nullable: false),
                trigger_name = table.Column<string>(nullable: false),
                trigger_group = table.Column<string>(nullable: false),
                fired_time = table.Column<long>(nullable: false),
                run_time = table.Column<long>(nullable: false),
                succeeded = table.Column<bool>(nullable: false),
                error_message = table.Column<string>(nullable: true),
                retry_attempt = table.Column<int>(nullable: false, defaultValue: 0),
                retry_scheduled = table.Column<bool>(nullable: false, defaultValue: false),
                execution_log = table.Column<string>(nullable: true),
                result = table.Column<int>(nullable: true),
                summary = table.Column<string>(nullable: true),
                metrics = table.Column<string>(nullable: true),
                manual = table.Column<bool>(nullable: true),
                fire_instance_id = table.Column<string>(nullable: true),
                job_input = table.Column<string>(nullable: true),
                job_input_too_large = table.Column<bool>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{history}", x => new { x.sched_name, x.entry_id }));
        migrationBuilder.CreateIndex("idx_qrtz_eh_fired_time", history, ["sched_name", "fired_time"], schema);
        migrationBuilder.CreateIndex("idx_qrtz_eh_inst", history, ["sched_name", "instance_name"], schema);
        migrationBuilder.CreateIndex("idx_qrtz_eh_job_time", history, ["sched_name", "job_group", "job_name", "fired_time"], schema);
        migrationBuilder.CreateIndex("idx_qrtz_eh_fire_inst", history, ["sched_name", "fire_instance_id"], schema);
        migrationBuilder.CreateIndex("idx_qrtz_eh_trig_time", history, ["sched_name", "trigger_group", "trigger_name", "fired_time"], schema);

        var misfires = Q("misfire_history");
        migrationBuilder.CreateTable(
            name: misfires,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                entry_id = table.Column<string>(nullable: false),
                instance_name = table.Column<string>(nullable: false),
                trigger_name = table.Column<string>(nullable: false),
                trigger_group = table.Column<string>(nullable: false),
                job_name = table.Column<string>(nullable: true),
                job_group = table.Column<string>(nullable: true),
                misfire_time = table.Column<long>(nullable: false),
                sched_time = table.Column<long>(nullable: true),
                reason = table.Column<int>(nullable: true),
            },
            constraints: table => table.PrimaryKey($"PK_{misfires}", x => new { x.sched_name, x.entry_id }));
        migrationBuilder.CreateIndex("idx_qrtz_mh_misfire_time", misfires, ["sched_name", "misfire_time"], schema);
        migrationBuilder.CreateIndex("idx_qrtz_mh_inst", misfires, ["sched_name", "instance_name"], schema);

        var status = Q("job_status");
        migrationBuilder.CreateTable(
            name: status,
            schema: schema,
            columns: table => new
            {
                sched_name = table.Column<string>(nullable: false),
                job_group = table.Column<string>(nullable: false),
                job_name = table.Column<string>(nullable: false),
                first_fired_time = table.Column<long>(nullable: false),
                last_fired_time = table.Column<long>(nullable: false),
                last_result = table.Column<int>(nullable: false),
                last_run_time = table.Column<long>(nullable: false),
                last_instance_name = table.Column<string>(nullable: false),
                last_entry_id = table.Column<string>(nullable: true),
                last_summary = table.Column<string>(nullable: true),
                last_success_time = table.Column<long>(nullable: true),
                last_failure_time = table.Column<long>(nullable: true),
                last_failure_message = table.Column<string>(nullable: true),
                consecutive_failures = table.Column<int>(nullable: false, defaultValue: 0),
                run_count = table.Column<long>(nullable: false, defaultValue: 0L),
                failure_count = table.Column<long>(nullable: false, defaultValue: 0L),
            },
            constraints: table => table.PrimaryKey($"PK_{status}", x => new { x.sched_name, x.job_group, x.job_name }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var schema = migrationBuilder.ModuleSchema(Schema);
        foreach (var table in QuartzTables)
        {
            migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, SchedulerDbContext.QuartzTablePrefix + table), schema);
        }
        migrationBuilder.DropTable(migrationBuilder.ModuleTable(Schema, "job_runs"), schema);
        migrationBuilder.DropOutboxTables(Schema);
    }
}
