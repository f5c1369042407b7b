using System.Data.Common;
using System.Net;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Audit;
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
/// Identity events in the platform audit log (ADR 0019): administration acts are recorded there, only the audit
/// administrator reads them (in its subtree), and the identity audit table kept before is copied in, nothing lost.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuditTests(Platforms platforms)
{
    private const string Audit = "/api/platform/audit-entries";
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
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var action = "identity." + record.Kind;
        return await db.Entries.Where(e => e.Action == action && e.UserName == record.UserName).Select(e => e.Id).SingleAsync();
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
        var response = await auditor.GetAsync($"{Audit}?category=event&userId={userId}&from={Uri.EscapeDataString(started.ToString("O"))}&pageSize=50");
        var raw = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, raw);
        raw.Should().NotContain(temporaryPassword, "no secret is ever audited");
        var page = JsonSerializer.Deserialize<Paged<AuditView>>(raw, Http.Json)!;

        page.Total.Should().Be(8);
        page.Items.Select(e => e.Kind).Should().Equal(
            IdentityAuditKinds.MembershipRemoved, IdentityAuditKinds.SessionEnded, IdentityAuditKinds.AccountUnlocked,
            IdentityAuditKinds.AccountEnabled, IdentityAuditKinds.AccountDisabled, IdentityAuditKinds.PasswordReset,
            IdentityAuditKinds.MembershipChanged, IdentityAuditKinds.AccountCreated);
        page.Items.Should().OnlyContain(e => e.Outcome == "succeeded" && e.UserId == userId && e.ActorId == adminId && e.TenantId == dongliu.Id
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
        (await EntriesAsync(auditor, $"userId={userId}&action=identity.{IdentityAuditKinds.PasswordReset}")).Should().ContainSingle()
            .Which.Detail.Should().Contain("重置密码");
        (await EntriesAsync(auditor, $"userName={name}")).Select(e => e.Kind).Should().Contain(IdentityAuditKinds.AccountCreated);
        var second = await (await auditor.GetAsync($"{Audit}?category=event&userId={userId}&page=2&pageSize=3")).ReadAsync<Paged<AuditView>>();
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
            await (await client.PostJsonAsync("/api/platform/exports", new { source = "platform.audit-entries", format = "Csv" })).ProblemAsync(403);
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
        var export = await dongliu.PostJsonAsync("/api/platform/exports", new { source = "platform.audit-entries", format = "Csv", filter = new { userId = theirs } });
        JsonDocument.Parse(await export.Content.ReadAsStringAsync()).RootElement.GetProperty("totalRows").GetInt32().Should().Be(0);

        var xiliu = Auditor(factory, Demo.Sibling, out _);
        (await EntriesAsync(xiliu, $"userId={theirs}")).Should().ContainSingle().Which.Kind.Should().Be(IdentityAuditKinds.AccountCreated);
        (await EntriesAsync(xiliu, $"userId={ours}")).Should().BeEmpty();

        var district = Auditor(factory, Demo.District, out _);
        (await EntriesAsync(district, $"userId={theirs}")).Should().ContainSingle();
        (await EntriesAsync(district, $"userId={ours}")).Should().ContainSingle();
        var failed = (await EntriesAsync(district, $"userName={typed}")).Should().ContainSingle().Subject;
        failed.Outcome.Should().Be("refused");
        failed.TenantId.Should().BeNull();
        failed.UserId.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_identity_audit_kept_before_is_copied_into_the_chain_once_and_its_table_still_refuses_changes(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var dongliu = await factory.TenantAsync(Demo.Street);
        var (id, typed, at) = (Guid.CreateVersion7(), Unique(), DateTime.UtcNow.AddDays(-30));
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var entity = db.Model.FindEntityType(typeof(IdentityAuditEntry))!;
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
        // A row as the identity audit wrote it before ADR 0019. The table name is the model's own; values are parameters.
        var insertSql = $"INSERT INTO {table} (\"Id\", \"OccurredAtUtc\", \"Kind\", \"Outcome\", \"UserName\", \"TenantId\", \"Detail\") VALUES ({{0}}, {{1}}, 'sign_in.failed', 'Failure', {{2}}, {{3}}, '旧记录')";
        await db.Database.ExecuteSqlRawAsync(insertSql, id, at, typed, dongliu.Id);

        var import = factory.Services.GetServices<BuildingBlocks.Modules.IStartupTask>().OfType<IdentityAuditImport>().Single();
        await import.RunAsync(scope.ServiceProvider, CancellationToken.None);
        await import.RunAsync(scope.ServiceProvider, CancellationToken.None);

        var copied = (await EntriesAsync(Auditor(factory, Demo.Street, out _), $"userName={typed}")).Should().ContainSingle().Subject;
        copied.Should().BeEquivalentTo(new
        {
            Id = id, Action = "identity.sign_in.failed", Outcome = "refused", TenantId = (Guid?)dongliu.Id, TenantName = dongliu.Name, Detail = "旧记录",
        });
        copied.OccurredAtUtc.Should().BeCloseTo(at, TimeSpan.FromMilliseconds(1));
        (await (await Auditor(factory, Demo.District, out _).PostAsync($"{Audit}/verify", null)).ReadAsync<JsonElement>())
            .GetProperty("intact").GetBoolean().Should().BeTrue();

        var updateSql = $"UPDATE {table} SET \"Detail\" = 'changed' WHERE \"Id\" = {{0}}";
        var deleteSql = $"DELETE FROM {table} WHERE \"Id\" = {{0}}";
        var update = () => db.Database.ExecuteSqlRawAsync(updateSql, id);
        (await update.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("append-only");
        var delete = () => db.Database.ExecuteSqlRawAsync(deleteSql, id);
        (await delete.Should().ThrowAsync<DbException>()).Which.Message.Should().Contain("append-only");
        (await db.Set<IdentityAuditEntry>().AsNoTracking().SingleAsync(e => e.Id == id)).Detail.Should().Be("旧记录");
    }

    private sealed record AuditView(
        long Seq, Guid Id, DateTime OccurredAtUtc, string Category, string Action, string Outcome, Guid? UserId, string? UserName, Guid? ActorId,
        Guid? TenantId, string? TenantName, string? ClientId, string? IpAddress, string? UserAgent, string? Detail)
    {
        public string Kind => Action["identity.".Length..];
    }
}
