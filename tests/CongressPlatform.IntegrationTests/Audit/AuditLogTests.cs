using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Audit;
using CongressPlatform.BuildingBlocks.Audit.Features;
using CongressPlatform.BuildingBlocks.Audit.Migrations;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.BuildingBlocks.Exports.Features;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Audit;

/// <summary>
/// The platform audit log (ADR 0019): every command is recorded with its before/after (personal data masked), refused
/// ones with their code; the auditor reads its subtree; the chain stays one under concurrent appends; verification finds
/// a row altered behind the triggers; retention deletes only old rows and the rest still verifies.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditLogTests(Platforms platforms)
{
    private const string Audit = "/api/platform/audit-entries";
    private const string Units = "/api/identity/handling-units";
    private const string Exports = "/api/platform/exports";
    private const string AuditSource = "platform.audit-entries";

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private static HttpClient Auditor(PlatformFactory factory, string tenant) => factory.As("auditor-" + tenant, tenant, "audit-admin");

    private static async Task<List<EntryView>> EntriesAsync(HttpClient auditor, string query) =>
        (await (await auditor.GetAsync($"{Audit}?{query}&pageSize=200")).ReadAsync<Paged<EntryView>>()).Items;

    private static async Task<VerificationView> VerifyAsync(HttpClient auditor) =>
        await (await auditor.PostAsync($"{Audit}/verify", null)).ReadAsync<VerificationView>();

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_command_is_recorded_with_who_where_and_the_before_and_after_of_its_fields_with_the_phone_masked(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("审计员测试-张三", Demo.Street, "staff");
        staff.DefaultRequestHeaders.UserAgent.ParseAdd("AuditLogTests/1.0");
        var name = Unique("东柳物业办");
        var created = await (await staff.PostJsonAsync(Units, new { name, kind = "StreetOffice", contactName = "李四", contactPhone = "13812345678" }))
            .ReadAsync<UnitView>();
        await (await staff.PutJsonAsync($"{Units}/{created.Id}", new
        {
            name = name + "改", kind = "StreetOffice", contactName = "李四", contactPhone = "13987654321", isActive = true, version = created.Version,
        })).ReadAsync<UnitView>();

        var auditor = Auditor(factory, Demo.Street);
        var entries = await EntriesAsync(auditor, $"entityId={created.Id}");
        entries.Select(e => e.Action).Should().Equal("identity.update-handling-unit", "identity.create-handling-unit");
        var update = entries[0];
        update.Should().BeEquivalentTo(new
        {
            Category = "command", Outcome = "succeeded", ErrorCode = (string?)null, UserName = "审计员测试-张三",
            TenantName = "东柳街道人大工委", UserAgent = "AuditLogTests/1.0", EntityType = "HandlingUnit", EntityId = created.Id.ToString(),
        });
        update.OccurredAtUtc.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));

        var response = await auditor.GetAsync($"{Audit}/{update.Seq}");
        var raw = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, raw);
        raw.Should().NotContain("13812345678").And.NotContain("13987654321", "a phone number is personal data");
        var detail = JsonSerializer.Deserialize<DetailView>(raw, Http.Json)!;
        var unit = detail.Changes.Should().ContainSingle().Subject;
        unit.Should().BeEquivalentTo(new { Type = "HandlingUnit", Id = created.Id.ToString(), State = "modified" });
        unit.Fields.Should().BeEquivalentTo(new[]
        {
            new FieldView("Name", name, name + "改"),
            new FieldView("ContactPhone", "138*****678", "139*****321"),
        }, o => o.WithoutStrictOrdering());
        detail.Hash.Should().HaveLength(64);

        var insert = (await (await auditor.GetAsync($"{Audit}/{entries[1].Seq}")).ReadAsync<DetailView>()).Changes.Single();
        insert.State.Should().Be("added");
        insert.Fields.Should().ContainEquivalentOf(new FieldView("Name", null, name));
        insert.Fields.Should().ContainEquivalentOf(new FieldView("ContactPhone", null, "138*****678"));
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_refused_command_changes_nothing_and_is_recorded_with_its_code(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-refused", Demo.Street, "staff");
        var name = Unique("东柳司法所");
        var created = await (await staff.PostJsonAsync(Units, new { name, kind = "StreetOffice" })).ReadAsync<UnitView>();
        var stale = new { name = name + "改", kind = "StreetOffice", contactName = (string?)null, contactPhone = (string?)null, isActive = true, version = Guid.NewGuid() };
        (await (await staff.PutJsonAsync($"{Units}/{created.Id}", stale)).ProblemAsync(409)).GetProperty("code").GetString().Should().Be("concurrency");
        var sibling = factory.As("staff-refused-" + name, Demo.Sibling, "staff");
        await (await sibling.PutJsonAsync($"{Units}/{created.Id}", stale with { version = created.Version })).ProblemAsync(404);
        (await (await staff.GetAsync($"{Units}/{created.Id}")).ReadAsync<UnitView>()).Name.Should().Be(name);

        var auditor = Auditor(factory, Demo.Street);
        var refused = await EntriesAsync(auditor, $"entityId={created.Id}&outcome=refused");
        // The refused update touched nothing, so it names no entity: find it by the user and the action.
        var all = await EntriesAsync(auditor, "userName=staff-refused&action=identity.update-handling-unit");
        all.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Outcome = "refused", ErrorCode = "concurrency", EntityId = (string?)null });
        refused.Should().BeEmpty();
        // Filed under the street that tried: the district's auditor sees it, the street's whose unit it is does not.
        (await EntriesAsync(auditor, $"userName=staff-refused-{name}")).Should().BeEmpty();
        var denied = await EntriesAsync(Auditor(factory, Demo.District), $"userName=staff-refused-{name}");
        denied.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Action = "identity.update-handling-unit", Outcome = "refused", ErrorCode = "not_found", TenantName = "西柳街道人大工委",
        });
        (await (await Auditor(factory, Demo.District).GetAsync($"{Audit}/{denied[0].Seq}")).ReadAsync<DetailView>()).Changes.Should().BeEmpty();

        // Refused by the endpoint's permission before any handler runs: recorded all the same.
        var deputy = factory.As("deputy-refused-" + name, Demo.Street, "deputy");
        (await deputy.PostJsonAsync(Units, new { name = name + "代表", kind = "Other" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await EntriesAsync(auditor, $"userName=deputy-refused-{name}")).Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Action = "identity.create-handling-unit", Outcome = "refused", ErrorCode = "permission.denied",
            Detail = "POST /api/identity/handling-units", TenantName = "东柳街道人大工委",
        });
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_auditor_reads_its_subtree_and_the_root_also_reads_entries_of_no_tenant_and_no_one_else_reads_at_all(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var theirs = await (await factory.As("staff-xiliu", Demo.Sibling, "staff").PostJsonAsync(Units, new { name = Unique("西柳"), kind = "Other" }))
            .ReadAsync<UnitView>();
        var ours = await (await factory.As("staff-dongliu", Demo.Street, "staff").PostJsonAsync(Units, new { name = Unique("东柳"), kind = "Other" }))
            .ReadAsync<UnitView>();
        var marker = Unique("系统事件");
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(new AuditRecord("platform.test", Detail: marker), CancellationToken.None);
        }

        var street = Auditor(factory, Demo.Street);
        (await EntriesAsync(street, $"entityId={ours.Id}")).Should().ContainSingle();
        (await EntriesAsync(street, $"entityId={theirs.Id}")).Should().BeEmpty();
        (await EntriesAsync(street, $"text={marker}")).Should().BeEmpty("an entry of no tenant belongs to the root's auditor");
        var district = Auditor(factory, Demo.District);
        (await EntriesAsync(district, $"entityId={ours.Id}")).Should().ContainSingle();
        (await EntriesAsync(district, $"entityId={theirs.Id}")).Should().ContainSingle();
        var system = (await EntriesAsync(district, $"text={marker}")).Should().ContainSingle().Subject;
        system.Should().BeEquivalentTo(new { UserName = "system", TenantId = (Guid?)null, Category = "event" });
        (await street.GetAsync($"{Audit}/{system.Seq}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        foreach (var role in new[] { "staff", "tenant-admin", "system-admin", "security-admin", "supervisor" })
        {
            var client = factory.As($"{role}-audit", Demo.District, role);
            (await (await client.GetAsync(Audit)).ProblemAsync(403)).GetProperty("detail").GetString().Should().Contain("权限");
            await (await client.PostAsync($"{Audit}/verify", null)).ProblemAsync(403);
            await (await client.PostJsonAsync(Exports, new { source = AuditSource, format = "Csv" })).ProblemAsync(403);
        }
        (await factory.CreateClient().GetAsync(Audit)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Concurrent_appends_keep_one_chain_that_verifies(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var marker = Unique("并发");
        var scopes = factory.Services.GetRequiredService<IServiceScopeFactory>();
        var seqs = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            await using var scope = new AsyncServiceScope(scopes.CreateSystemScope());
            return await scope.ServiceProvider.GetRequiredService<IAuditLog>()
                .RecordAsync(new AuditRecord("platform.test", Detail: $"{marker}-{i}"), CancellationToken.None);
        })));
        // Also through HTTP, as commands do, at the same time as other tests append.
        var staff = factory.As("staff-concurrent", Demo.Street, "staff");
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => staff.PostJsonAsync(Units, new { name = $"{marker}单位{i}", kind = "Other" })));

        seqs.Should().OnlyHaveUniqueItems();
        var auditor = Auditor(factory, Demo.District);
        (await EntriesAsync(auditor, $"text={marker}")).Should().HaveCount(40);
        var result = await VerifyAsync(auditor);
        result.Should().BeEquivalentTo(new { Intact = true, FirstBrokenSeq = (long?)null });
        result.ToSeq.Should().BeGreaterThanOrEqualTo(seqs.Max());
        result.Message.Should().Contain("审计日志完整");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_database_refuses_to_update_delete_or_truncate_the_log(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var marker = Unique("原始");
        long seq;
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            seq = await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(new AuditRecord("platform.test", Detail: marker), CancellationToken.None);
        }
        using var system = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = system.ServiceProvider.GetRequiredService<AuditDbContext>();
        var table = Table(db);
        // The table name is the model's own, not input; the sequence number is a parameter.
        var updateSql = $"UPDATE {table} SET \"Detail\" = 'changed' WHERE \"Seq\" = {{0}}";
        var deleteSql = $"DELETE FROM {table} WHERE \"Seq\" = {{0}}";
        var truncateSql = $"TRUNCATE {table}";
        var update = () => db.Database.ExecuteSqlRawAsync(updateSql, seq);
        (await update.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("append-only");
        var delete = () => db.Database.ExecuteSqlRawAsync(deleteSql, seq);
        (await delete.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("append-only");
        var deleteAll = () => db.Entries.Where(e => e.Seq <= seq).ExecuteDeleteAsync();
        await deleteAll.Should().ThrowAsync<DbException>();
        if (provider == DatabaseProvider.PostgreSql)
        {
            var truncate = () => db.Database.ExecuteSqlRawAsync(truncateSql);
            (await truncate.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("append-only");
        }
        (await db.Entries.AsNoTracking().SingleAsync(e => e.Seq == seq)).Detail.Should().Be(marker);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Verification_detects_a_row_altered_behind_the_triggers_at_its_sequence_number(DatabaseProvider provider)
    {
        // A database of its own: this test breaks the chain on purpose.
        await using var factory = new PlatformFactory(provider);
        var auditor = Auditor(factory, Demo.District);
        var staff = factory.As("staff-tamper", Demo.Street, "staff");
        for (var i = 0; i < 3; i++)
        {
            (await staff.PostJsonAsync(Units, new { name = Unique("篡改测试"), kind = "Other" })).StatusCode.Should().Be(HttpStatusCode.Created);
        }
        var intact = await VerifyAsync(auditor);
        intact.Intact.Should().BeTrue(intact.Message);
        var victim = (await EntriesAsync(auditor, "userName=staff-tamper")).Last().Seq;

        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            await TamperAsync(db, provider, victim);
        }

        var broken = await VerifyAsync(auditor);
        broken.Should().BeEquivalentTo(new { Intact = false, FirstBrokenSeq = (long?)victim });
        broken.Message.Should().Contain($"第 {victim} 条");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Retention_deletes_only_entries_past_it_oldest_first_and_the_rest_still_verifies(DatabaseProvider provider)
    {
        var clock = new ShiftedClock { Offset = TimeSpan.FromDays(-400) };
        await using var factory = new PlatformFactory(provider, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        _ = factory.Server;
        var scopes = factory.Services.GetRequiredService<IServiceScopeFactory>();
        async Task<long> Record(string detail)
        {
            using var scope = scopes.CreateSystemScope();
            return await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(new AuditRecord("platform.test", Detail: detail), CancellationToken.None);
        }
        var lastOld = await Record("400 天前");
        clock.Offset = TimeSpan.FromDays(-100);
        var young = await Record("100 天前");
        clock.Offset = TimeSpan.Zero;
        var today = await Record("今天");

        using (var scope = scopes.CreateSystemScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ApplyAuditRetentionCommand());
            result.CheckpointSeq.Should().Be(lastOld);
            result.Deleted.Should().Be((int)lastOld, "every entry up to the last old one is older than 365 days");
            var again = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ApplyAuditRetentionCommand());
            again.Deleted.Should().Be(0, "a second run of the same day finds nothing more");
        }

        using (var scope = scopes.CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            (await db.Entries.MinAsync(e => e.Seq)).Should().Be(young);
            (await db.Entries.AnyAsync(e => e.Seq == today)).Should().BeTrue();
            var head = await db.ChainHeads.AsNoTracking().SingleAsync();
            head.CheckpointSeq.Should().Be(lastOld);
        }
        var auditor = Auditor(factory, Demo.District);
        var verified = await VerifyAsync(auditor);
        verified.Should().BeEquivalentTo(new { Intact = true, FromSeq = lastOld + 1 });
        var run = (await EntriesAsync(auditor, "action=platform.apply-audit-retention")).Should().HaveCount(2).And.Subject.Last();
        run.Should().BeEquivalentTo(new { Category = "command", Outcome = "succeeded", UserName = "system" });
        run.Detail.Should().Contain($"删除").And.Contain($"{lastOld} 条");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_export_of_the_audit_log_holds_the_filtered_entries_and_each_export_is_recorded(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-export", Demo.Street, "staff");
        var created = await (await staff.PostJsonAsync(Units, new { name = "=HYPERLINK(\"x\")" + Unique("单位"), kind = "Other" })).ReadAsync<UnitView>();
        var auditor = factory.As("auditor-export", Demo.Street, "audit-admin");

        // The source as the exports service sees it (before the export below, whose own entry names the unit too).
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var source = scope.ServiceProvider.GetServices<IExportSource>().Single(s => s.Name == "platform.audit-entries");
            source.Permission.Should().Be("platform.audit.read");
            var filter = JsonSerializer.SerializeToElement(new { entityId = created.Id.ToString() });
            (await source.CountAsync(filter, CancellationToken.None)).Should().Be(1);
            var rows = new List<object?[]>();
            await foreach (var row in source.RowsAsync(filter, CancellationToken.None))
            {
                rows.Add(row);
            }
            rows.Should().ContainSingle().Which.Should().HaveCount(source.Columns.Count).And.Contain("identity.create-handling-unit");
        }

        var response = await auditor.PostJsonAsync(Exports, new { source = AuditSource, format = "Csv", filter = new { entityId = created.Id } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, "one row is written within the request");
        var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        job.GetProperty("totalRows").GetInt32().Should().Be(1);
        var download = await auditor.GetAsync($"{Exports}/{job.GetProperty("id").GetGuid()}/content");
        download.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        download.Headers.CacheControl?.NoStore.Should().BeTrue();
        var bytes = await download.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal((byte)0xEF, (byte)0xBB, (byte)0xBF);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        lines[0].Should().StartWith("序号,时间(北京时间),类别,操作,结果");
        lines.Should().HaveCount(3);
        lines[1].Should().Contain("identity.create-handling-unit").And.Contain(",成功,").And.Contain("staff-export");

        var exports = await EntriesAsync(factory.As("auditor-root", Demo.District, "audit-admin"), $"action=platform.audit.export&text={created.Id}");
        exports.Should().HaveCount(2);
        exports.Should().ContainSingle(e => e.UserName == "auditor-export").Which.Detail.Should().Contain("1 条");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_job_run_that_changes_nothing_is_not_recorded_but_a_user_command_that_changes_nothing_is(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var auditor = Auditor(factory, Demo.District);
        var cleanups = (await EntriesAsync(auditor, "action=platform.cleanup-expired-exports")).Count;
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CleanupExpiredExportsCommand())).Should().Be(0);
        }
        (await EntriesAsync(auditor, "action=platform.cleanup-expired-exports")).Should().HaveCount(cleanups, "an idle job run is nobody's act");

        var user = factory.As("staff-idle", Demo.Street, "staff");
        (await user.PostAsync("/api/notifications/inbox-items/read-all", null)).EnsureSuccessStatusCode();
        var entry = (await EntriesAsync(auditor, "action=notifications.mark-all-read&userName=staff-idle")).Should().ContainSingle().Subject;
        entry.Should().BeEquivalentTo(new { Outcome = "succeeded", Category = "command" });
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Bad_input_is_a_400_problem_in_chinese_and_an_unknown_entry_a_404(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var auditor = Auditor(factory, Demo.District);
        (await (await auditor.GetAsync($"{Audit}?outcome=maybe")).ProblemAsync(400))
            .GetProperty("errors").GetProperty("outcome")[0].GetString().Should().Contain("未知的结果");
        (await (await auditor.GetAsync($"{Audit}?from=2026-11-22T10:00:00Z&to=2026-11-21T10:00:00Z")).ProblemAsync(400))
            .GetProperty("errors").GetProperty("to")[0].GetString().Should().Be("结束时间不能早于开始时间。");
        (await (await auditor.GetAsync($"{Audit}?text={new string('x', 101)}")).ProblemAsync(400))
            .GetProperty("errors").GetProperty("text").GetArrayLength().Should().Be(1);
        (await (await auditor.GetAsync($"{Audit}?pageSize=100000")).ProblemAsync(400)).GetProperty("detail").GetString()
            .Should().Be("提交的内容有误,请检查后重试。");
        (await (await auditor.GetAsync($"{Audit}/999999999")).ProblemAsync(404)).GetProperty("detail").GetString().Should().Contain("审计记录");
        var before = (await EntriesAsync(auditor, "action=platform.audit.export&userName=auditor-liucheng")).Count;
        (await (await auditor.PostJsonAsync(Exports, new { source = AuditSource, format = "Csv", filter = new { outcome = "maybe" } })).ProblemAsync(400))
            .GetProperty("errors").GetProperty("filter.outcome")[0].GetString().Should().Contain("未知的结果");
        (await EntriesAsync(auditor, "action=platform.audit.export&userName=auditor-liucheng")).Should().HaveCount(before, "a refused export is not recorded as one");
    }

    internal static string Table(AuditDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(AuditEntry))!;
        return entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
    }

    /// <summary>What a DBA holding the database could do: switch the triggers off, change a row, switch them on again.</summary>
    internal static async Task TamperAsync(AuditDbContext db, DatabaseProvider provider, long seq)
    {
        var table = Table(db);
        var alter = $"UPDATE {table} SET \"UserName\" = 'someone-else' WHERE \"Seq\" = {{0}}";
        if (provider == DatabaseProvider.PostgreSql)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var off = $"ALTER TABLE {table} DISABLE TRIGGER USER";
            var on = $"ALTER TABLE {table} ENABLE TRIGGER USER";
            await db.Database.ExecuteSqlRawAsync(off);
            await db.Database.ExecuteSqlRawAsync(alter, seq);
            await db.Database.ExecuteSqlRawAsync(on);
            await transaction.CommitAsync();
            return;
        }
        var name = db.Model.FindEntityType(typeof(AuditEntry))!.GetTableName()!;
        var drop = $"DROP TRIGGER \"{name}_no_update\"; DROP TRIGGER \"{name}_no_early_delete\";";
        await db.Database.ExecuteSqlRawAsync(drop);
        await db.Database.ExecuteSqlRawAsync(alter, seq);
        foreach (var statement in InitialAudit.AppendOnlyTriggers(sqlite: true, name))
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }

    private sealed record EntryView(
        long Seq, Guid Id, DateTime OccurredAtUtc, string Category, string Action, string Outcome, string? ErrorCode, Guid? UserId,
        string? UserName, Guid? ActorId, Guid? TenantId, string? TenantName, string? IpAddress, string? UserAgent, string? JobKey,
        string? ClientId, string? EntityType, string? EntityId, string? Detail);

    private sealed record FieldView(string Name, string? Before, string? After);

    private sealed record ChangeView(string Type, string Id, string State, List<FieldView> Fields);

    private sealed record DetailView(EntryView Entry, List<ChangeView> Changes, string PrevHash, string Hash);

    private sealed record VerificationView(bool Intact, long FromSeq, long ToSeq, int Checked, long? FirstBrokenSeq, string Message, DateTime VerifiedAtUtc);
}
