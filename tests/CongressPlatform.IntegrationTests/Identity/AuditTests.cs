using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Identity;

/// <summary>
/// The identity audit log: administration acts are recorded, only the audit administrator reads them (in its
/// subtree), the database refuses to change or delete a line, and the CSV export is itself recorded.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditTests(Platforms platforms)
{
    private const string Audit = "/api/identity/audit-entries";
    private const string Users = "/api/identity/users";

    private static readonly string[] StaffAndDeputy = ["staff", "deputy"];

    private static string Unique() => "a" + Guid.NewGuid().ToString("N")[..12];

    private static HttpClient Auditor(PlatformFactory factory, string tenant, out Guid auditorId)
    {
        auditorId = Guid.NewGuid();
        return factory.As(auditorId.ToString(), tenant, "audit-admin");
    }

    private static async Task<Guid> CreateUserAsync(HttpClient admin, string userName, params string[] roles)
    {
        var response = await admin.PostJsonAsync(Users, new
        {
            userName, displayName = "审计测试", phoneNumber = (string?)null, email = (string?)null,
            termEndsOn = (string?)null, tenantId = (Guid?)null, roles = roles.Length == 0 ? ["staff"] : roles,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetGuid();
    }

    private static async Task<List<AuditView>> EntriesAsync(HttpClient auditor, string query) =>
        (await (await auditor.GetAsync($"{Audit}?{query}&pageSize=200")).ReadAsync<Paged<AuditView>>()).Items;

    private static async Task<Guid> RecordAsync(PlatformFactory factory, IdentityAuditRecord record)
    {
        await factory.Services.GetRequiredService<IIdentityAudit>().RecordAsync(record, CancellationToken.None);
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        return await db.Set<IdentityAuditEntry>()
            .Where(e => e.Kind == record.Kind && e.UserName == record.UserName)
            .Select(e => e.Id).SingleAsync();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Administration_acts_are_recorded_with_actor_tenant_and_client_and_read_back_newest_first(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var adminId = Guid.NewGuid();
        var admin = factory.As(adminId.ToString(), Demo.Street, "tenant-admin");
        admin.DefaultRequestHeaders.UserAgent.ParseAdd("AuditTests/1.0");
        var dongliu = await factory.TenantAsync(Demo.Street);
        var name = Unique();
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);

        var userId = await CreateUserAsync(admin, name, "staff");
        (await admin.PutJsonAsync($"{Users}/{userId}/memberships/{dongliu.Id}", new { roles = StaffAndDeputy }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var reset = await (await admin.PostAsync($"{Users}/{userId}/reset-password", null)).ReadAsync<JsonElement>();
        var temporaryPassword = reset.GetProperty("temporaryPassword").GetString()!;
        foreach (var act in new[] { "disable", "enable", "unlock" })
        {
            (await admin.PostAsync($"{Users}/{userId}/{act}", null)).StatusCode.Should().Be(HttpStatusCode.OK, act);
        }
        (await admin.PostAsync($"{Users}/{userId}/end-sessions", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.DeleteAsync($"{Users}/{userId}/memberships/{dongliu.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var auditor = Auditor(factory, Demo.Street, out _);
        var response = await auditor.GetAsync($"{Audit}?userId={userId}&from={Uri.EscapeDataString(started.ToString("O"))}&pageSize=50");
        var raw = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, raw);
        raw.Should().NotContain(temporaryPassword, "no secret is ever audited");
        var page = JsonSerializer.Deserialize<Paged<AuditView>>(raw, Http.Json)!;

        page.Total.Should().Be(8);
        page.Items.Select(e => e.Kind).Should().Equal(
            IdentityAuditKinds.MembershipRemoved, IdentityAuditKinds.SessionEnded, IdentityAuditKinds.AccountUnlocked,
            IdentityAuditKinds.AccountEnabled, IdentityAuditKinds.AccountDisabled, IdentityAuditKinds.PasswordReset,
            IdentityAuditKinds.MembershipChanged, IdentityAuditKinds.AccountCreated);
        page.Items.Should().OnlyContain(e => e.Outcome == "success" && e.UserId == userId && e.ActorId == adminId && e.TenantId == dongliu.Id
                                             && e.TenantName == dongliu.Name);
        page.Items.Should().BeInDescendingOrder(e => e.OccurredAtUtc);
        var created = page.Items.Single(e => e.Kind == IdentityAuditKinds.AccountCreated);
        created.UserName.Should().Be(name);
        created.UserAgent.Should().Be("AuditTests/1.0");
        created.Detail.Should().Contain("staff");
        page.Items.Single(e => e.Kind == IdentityAuditKinds.MembershipChanged).Detail.Should().Contain("deputy、staff").And.Contain("原:staff");
        page.Items.Single(e => e.Kind == IdentityAuditKinds.MembershipRemoved).Detail.Should().Contain("deputy、staff");
        created.OccurredAtUtc.Should().BeOnOrAfter(started.UtcDateTime).And.BeOnOrBefore(DateTime.UtcNow.AddSeconds(1));

        // The filters narrow; paging keeps the total.
        (await EntriesAsync(auditor, $"userId={userId}&kind={IdentityAuditKinds.PasswordReset}")).Should().ContainSingle()
            .Which.Detail.Should().Contain("重置密码");
        (await EntriesAsync(auditor, $"userName={name}")).Select(e => e.Kind).Should().Contain(IdentityAuditKinds.AccountCreated);
        var second = await (await auditor.GetAsync($"{Audit}?userId={userId}&page=2&pageSize=3")).ReadAsync<Paged<AuditView>>();
        second.Total.Should().Be(8);
        second.Items.Select(e => e.Id).Should().Equal(page.Items.Skip(3).Take(3).Select(e => e.Id));
        (await EntriesAsync(auditor, $"userId={userId}&to={Uri.EscapeDataString(started.ToString("O"))}")).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Only_the_audit_administrator_reads_or_exports_the_log(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        foreach (var role in new[] { "staff", "tenant-admin", "system-admin", "security-admin", "supervisor" })
        {
            var client = factory.As($"{role}-{Unique()}", Demo.District, role);
            (await (await client.GetAsync(Audit)).ProblemAsync(403)).GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
            await (await client.GetAsync($"{Audit}/export")).ProblemAsync(403);
        }
        (await factory.CreateClient().GetAsync(Audit)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Auditor(factory, Demo.District, out _).GetAsync(Audit)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_street_auditor_sees_its_street_only_and_the_district_auditor_sees_its_subtree_and_entries_of_no_tenant(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var xiliuAdmin = factory.As("admin-xiliu", Demo.Sibling, "tenant-admin");
        var theirs = await CreateUserAsync(xiliuAdmin, Unique());
        var ours = await CreateUserAsync(factory.As("admin-dongliu", Demo.Street, "tenant-admin"), Unique());
        var typed = Unique();
        await RecordAsync(factory, new IdentityAuditRecord(IdentityAuditKinds.SignInFailed, false, UserName: typed, Detail: "密码错误"));

        var dongliu = Auditor(factory, Demo.Street, out _);
        (await EntriesAsync(dongliu, $"userId={theirs}")).Should().BeEmpty();
        (await EntriesAsync(dongliu, $"userId={ours}")).Should().ContainSingle();
        (await EntriesAsync(dongliu, $"userName={typed}")).Should().BeEmpty("an entry of no tenant belongs to the root's auditor");
        (await (await dongliu.GetAsync($"{Audit}/export?userId={theirs}")).Content.ReadAsStringAsync()).Should().NotContain(theirs.ToString());

        var xiliu = Auditor(factory, Demo.Sibling, out _);
        (await EntriesAsync(xiliu, $"userId={theirs}")).Should().ContainSingle().Which.Kind.Should().Be(IdentityAuditKinds.AccountCreated);
        (await EntriesAsync(xiliu, $"userId={ours}")).Should().BeEmpty();

        var district = Auditor(factory, Demo.District, out _);
        (await EntriesAsync(district, $"userId={theirs}")).Should().ContainSingle();
        (await EntriesAsync(district, $"userId={ours}")).Should().ContainSingle();
        var failed = (await EntriesAsync(district, $"userName={typed}")).Should().ContainSingle().Subject;
        failed.Outcome.Should().Be("failure");
        failed.TenantId.Should().BeNull();
        failed.UserId.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_database_refuses_to_update_or_delete_an_entry(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var typed = Unique();
        var id = await RecordAsync(factory, new IdentityAuditRecord(IdentityAuditKinds.SignInFailed, false, UserName: typed, Detail: "原始记录"));

        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var entity = db.Model.FindEntityType(typeof(IdentityAuditEntry))!;
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        var before = await db.Set<IdentityAuditEntry>().AsNoTracking().SingleAsync(e => e.Id == id);

        // The table name is the model's own, not input; the id is a parameter.
        var updateSql = $"UPDATE {table} SET \"Detail\" = 'changed', \"Outcome\" = 'Success' WHERE \"Id\" = {{0}}";
        var deleteSql = $"DELETE FROM {table} WHERE \"Id\" = {{0}}";
        var truncateSql = $"TRUNCATE {table}";
        var update = () => db.Database.ExecuteSqlRawAsync(updateSql, id);
        (await update.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("append-only");
        var delete = () => db.Database.ExecuteSqlRawAsync(deleteSql, id);
        (await delete.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("append-only");
        var deleteAll = () => db.Set<IdentityAuditEntry>().Where(e => e.UserName == typed).ExecuteDeleteAsync();
        await deleteAll.Should().ThrowAsync<DbException>();
        if (provider == DatabaseProvider.PostgreSql)
        {
            var truncate = () => db.Database.ExecuteSqlRawAsync(truncateSql);
            (await truncate.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("append-only");
        }

        var after = await db.Set<IdentityAuditEntry>().AsNoTracking().SingleAsync(e => e.Id == id);
        after.Should().BeEquivalentTo(before);
        after.Detail.Should().Be("原始记录");
        after.Outcome.Should().Be(IdentityAuditOutcome.Failure);
        (await db.Set<IdentityAuditEntry>().CountAsync()).Should().BePositive();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_csv_export_has_a_bom_chinese_headers_and_the_rows_and_is_itself_audited(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var dongliu = await factory.TenantAsync(Demo.Street);
        var userId = await CreateUserAsync(factory.As("admin-dongliu", Demo.Street, "tenant-admin"), Unique());
        var formula = "=HYPERLINK(\"http://x\",\"点我\")" + Unique();
        await RecordAsync(factory, new IdentityAuditRecord(IdentityAuditKinds.SignInFailed, false, userId, formula, TenantId: dongliu.Id, Detail: "第一行\n第二行, 含逗号"));
        var auditor = Auditor(factory, Demo.Street, out var auditorId);

        var response = await auditor.GetAsync($"{Audit}/export?userId={userId}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.Should().EndWith(".csv");
        response.Headers.CacheControl?.NoStore.Should().BeTrue();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal((byte)0xEF, (byte)0xBB, (byte)0xBF);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n");
        lines[0].Should().Be("记录编号,时间(北京时间),事件类型,结果,用户ID,用户名,操作人ID,单位ID,单位,客户端,IP地址,浏览器标识,详情");
        lines.Should().Contain(l => l.Contains(IdentityAuditKinds.AccountCreated) && l.Contains(userId.ToString()) && l.Contains(dongliu.Name)
                                    && l.Contains(",成功,"));
        // Quoted where needed, and no formula for Excel to run.
        text.Should().Contain($"\"'{formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        text.Should().Contain("\"第一行 第二行, 含逗号\"");
        text.Should().Contain(",失败,");
        lines[^1].Should().BeEmpty("every line ends with CRLF");
        lines.Length.Should().Be(1 + 2 + 1);

        var exports = await EntriesAsync(auditor, $"kind=export&userId={auditorId}");
        var export = exports.Should().ContainSingle().Subject;
        export.ActorId.Should().Be(auditorId);
        export.TenantId.Should().Be(dongliu.Id);
        export.Detail.Should().Contain("2 条").And.Contain($"userId={userId}");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Bad_query_input_is_a_400_problem_in_chinese(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var auditor = Auditor(factory, Demo.District, out var auditorId);

        var tooBig = await (await auditor.GetAsync($"{Audit}?pageSize=100000")).ProblemAsync(400);
        tooBig.GetProperty("detail").GetString().Should().Be("提交的内容有误,请检查后重试。");
        tooBig.GetProperty("errors").GetProperty("pageSize")[0].GetString().Should().Contain("每页条数");
        (await (await auditor.GetAsync($"{Audit}?page=0")).ProblemAsync(400)).GetProperty("errors").GetProperty("page").GetArrayLength().Should().Be(1);

        var reversed = $"from=2026-11-22T10:00:00Z&to=2026-11-21T10:00:00Z";
        (await (await auditor.GetAsync($"{Audit}?{reversed}")).ProblemAsync(400))
            .GetProperty("errors").GetProperty("to")[0].GetString().Should().Be("结束时间不能早于开始时间。");
        (await (await auditor.GetAsync($"{Audit}?kind=sign_in.hacked")).ProblemAsync(400))
            .GetProperty("errors").GetProperty("kind")[0].GetString().Should().Contain("未知的审计事件类型");
        (await (await auditor.GetAsync($"{Audit}?userName={new string('x', 65)}")).ProblemAsync(400))
            .GetProperty("errors").GetProperty("userName").GetArrayLength().Should().Be(1);
        (await (await auditor.GetAsync($"{Audit}?from=yesterday")).ProblemAsync(400)).GetProperty("detail").GetString().Should().Contain("请求格式不正确");

        // A refused export is not an export: nothing is recorded.
        (await (await auditor.GetAsync($"{Audit}/export?{reversed}")).ProblemAsync(400)).GetProperty("errors").GetProperty("to").GetArrayLength().Should().Be(1);
        (await EntriesAsync(auditor, $"kind=export&userId={auditorId}")).Should().BeEmpty();
    }

    private sealed record AuditView(
        Guid Id, DateTime OccurredAtUtc, string Kind, string Outcome, Guid? UserId, string? UserName, Guid? ActorId,
        Guid? TenantId, string? TenantName, string? ClientId, string? IpAddress, string? UserAgent, string? Detail);
}
