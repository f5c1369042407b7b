using System.Net;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Identity;

/// <summary>User administration over HTTP: scope, role grants (三员分立), temporary passwords, status and lockout.</summary>
[Collection(PlatformCollection.Name)]
public sealed class UserAdministrationTests(Platforms platforms)
{
    private const string Users = "/api/identity/users";

    private static readonly string[] StaffOnly = ["staff"];

    private static object RolesBody(params string[] roles) => new { roles };

    private static string Unique() => "u" + Guid.NewGuid().ToString("N")[..12];

    private static string Phone() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object NewUser(string userName, string? phone, params string[] roles) =>
        new { userName, displayName = "陈晓梅", phoneNumber = phone, email = $"{userName}@dongliu.gov.cn", termEndsOn = (string?)null, tenantId = (Guid?)null, roles };

    private static async Task<CreatedUserView> CreateAsync(HttpClient admin, string userName, string? phone = null, params string[] roles)
    {
        var response = await admin.PostJsonAsync(Users, NewUser(userName, phone, roles.Length == 0 ? ["staff"] : roles));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CreatedUserView>();
    }

    private static async Task<bool> PassesPolicyAsync(PlatformFactory factory, Guid userId, string password)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var account = (await users.FindByIdAsync(userId.ToString()))!;
        foreach (var validator in users.PasswordValidators)
        {
            if (!(await validator.ValidateAsync(users, account, password)).Succeeded)
            {
                return false;
            }
        }
        return await users.CheckPasswordAsync(account, password);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_tenant_admin_creates_reads_and_lists_a_user_that_a_sibling_street_cannot_see(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin-dongliu", Demo.Street, "tenant-admin");
        var sibling = factory.As("admin-xiliu", Demo.Sibling, "tenant-admin");
        var name = Unique();
        var phone = Phone();

        var response = await admin.PostJsonAsync(Users, NewUser(name, phone, "staff", "deputy"));
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.CacheControl?.NoStore.Should().BeTrue();
        var created = await response.ReadAsync<CreatedUserView>();
        created.TemporaryPassword.Should().HaveLength(14);
        (await PassesPolicyAsync(factory, created.User.Id, created.TemporaryPassword)).Should().BeTrue();
        created.User.MustChangePassword.Should().BeTrue();
        created.User.PhoneNumber.Should().Be($"{phone[..3]}****{phone[^4..]}");

        var raw = await (await admin.GetAsync($"{Users}/{created.User.Id}")).Content.ReadAsStringAsync();
        raw.Should().NotContain(phone).And.NotContain(created.TemporaryPassword).And.NotContain("passwordHash").And.NotContain("securityStamp");
        var read = JsonSerializer.Deserialize<UserView>(raw, Http.Json)!;
        read.UserName.Should().Be(name);
        read.DisplayName.Should().Be("陈晓梅");
        read.PhoneNumber.Should().Be($"{phone[..3]}****{phone[^4..]}");
        read.Status.Should().Be("Active");
        var dongliu = await factory.TenantAsync(Demo.Street);
        read.Memberships.Should().ContainSingle().Which.Should().BeEquivalentTo(new MembershipView(dongliu.Id, "东柳街道人大工委", ["deputy", "staff"]));

        var list = await (await admin.GetAsync($"{Users}?search={name}&pageSize=200")).ReadAsync<Paged<UserView>>();
        list.Items.Should().ContainSingle(u => u.Id == created.User.Id);
        (await (await admin.GetAsync($"{Users}?tenantId={dongliu.Id}&pageSize=200")).ReadAsync<Paged<UserView>>())
            .Items.Should().Contain(u => u.Id == created.User.Id);

        var theirs = await (await sibling.GetAsync($"{Users}?search={name}&pageSize=200")).ReadAsync<Paged<UserView>>();
        theirs.Items.Should().BeEmpty();
        theirs.Total.Should().Be(0);
        await (await sibling.GetAsync($"{Users}/{created.User.Id}")).ProblemAsync(404);
        await (await sibling.PostAsync($"{Users}/{created.User.Id}/reset-password", null)).ProblemAsync(404);
        await (await sibling.PutJsonAsync($"{Users}/{created.User.Id}/memberships/{(await factory.TenantAsync(Demo.Sibling)).Id}",
            RolesBody("staff"))).ProblemAsync(404);

        // The district's supervisor sees the street's users.
        var supervisor = factory.As("leader-district", Demo.District, "supervisor", "leader");
        (await (await supervisor.GetAsync($"{Users}/{created.User.Id}")).ReadAsync<UserView>()).Id.Should().Be(created.User.Id);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_profile_change_needs_the_last_version_read(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin-dongliu", Demo.Street, "tenant-admin");
        var created = await CreateAsync(admin, Unique(), Phone());
        var phone = Phone();

        var updated = await (await admin.PutJsonAsync($"{Users}/{created.User.Id}",
            new { displayName = "陈晓梅(改)", phoneNumber = phone, email = (string?)null, termEndsOn = "2031-12-31", version = created.User.Version }))
            .ReadAsync<UserView>();
        updated.DisplayName.Should().Be("陈晓梅(改)");
        updated.PhoneNumber.Should().Be($"{phone[..3]}****{phone[^4..]}");
        updated.TermEndsOn.Should().Be(new DateOnly(2031, 12, 31));
        updated.Version.Should().NotBe(created.User.Version);

        var stale = await admin.PutJsonAsync($"{Users}/{created.User.Id}",
            new { displayName = "再改", phoneNumber = (string?)null, email = (string?)null, termEndsOn = (string?)null, version = created.User.Version });
        (await stale.ProblemAsync(409)).GetProperty("code").GetString().Should().Be("concurrency");

        var badPhone = await admin.PutJsonAsync($"{Users}/{created.User.Id}",
            new { displayName = "再改", phoneNumber = "12345", email = (string?)null, termEndsOn = (string?)null, version = updated.Version });
        (await badPhone.ProblemAsync(400)).GetProperty("errors").GetProperty("phoneNumber")[0].GetString().Should().Contain("手机号");

        // The number is only ever shown masked: no number in the request keeps it, an empty one removes it.
        var kept = await (await admin.PutJsonAsync($"{Users}/{created.User.Id}",
            new { displayName = "陈晓梅", email = (string?)null, termEndsOn = "2031-12-31", version = updated.Version }))
            .ReadAsync<UserView>();
        kept.PhoneNumber.Should().Be(updated.PhoneNumber);
        kept.DisplayName.Should().Be("陈晓梅");
        var removed = await (await admin.PutJsonAsync($"{Users}/{created.User.Id}",
            new { displayName = "陈晓梅", phoneNumber = "", email = (string?)null, termEndsOn = "2031-12-31", version = kept.Version }))
            .ReadAsync<UserView>();
        removed.PhoneNumber.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Administrator_and_supervisor_roles_are_granted_by_the_security_administrator_only(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin-dongliu", Demo.Street, "tenant-admin");
        var security = factory.As("security-dongliu", Demo.Street, "security-admin");
        var dongliu = await factory.TenantAsync(Demo.Street);
        var created = await CreateAsync(admin, Unique(), null, "deputy");
        var membership = $"{Users}/{created.User.Id}/memberships/{dongliu.Id}";

        var refused = await (await admin.PutJsonAsync(membership, RolesBody("deputy", "supervisor"))).ProblemAsync(403);
        refused.GetProperty("code").GetString().Should().Be("user.role_not_grantable");
        refused.GetProperty("detail").GetString().Should().Contain("安全管理员").And.Contain("supervisor");
        var createPrivileged = await admin.PostJsonAsync(Users, NewUser(Unique(), null, "tenant-admin"));
        await createPrivileged.ProblemAsync(403);

        var staff = await (await admin.PutJsonAsync(membership, RolesBody("deputy", "staff"))).ReadAsync<UserView>();
        staff.Memberships.Single().Roles.Should().Equal("deputy", "staff");

        var promoted = await (await security.PutJsonAsync(membership, RolesBody("staff", "tenant-admin"))).ReadAsync<UserView>();
        promoted.Memberships.Single().Roles.Should().Equal("staff", "tenant-admin");

        // Now privileged: the tenant administrator may neither demote, reset nor remove them.
        await (await admin.PutJsonAsync(membership, RolesBody("staff"))).ProblemAsync(403);
        (await (await admin.PostAsync($"{Users}/{created.User.Id}/reset-password", null)).ProblemAsync(403))
            .GetProperty("code").GetString().Should().Be("user.privileged_account");
        await (await admin.DeleteAsync(membership)).ProblemAsync(403);

        // Three administrators stay three people.
        await (await security.PutJsonAsync(membership, RolesBody("system-admin", "audit-admin"))).ProblemAsync(422);
        await (await admin.PutJsonAsync(membership, RolesBody("emperor"))).ProblemAsync(400);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_duplicate_user_name_is_refused_in_chinese_and_nothing_is_created(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin-dongliu", Demo.Street, "tenant-admin");
        var name = Unique();
        var phone = Phone();
        await CreateAsync(admin, name, phone);

        var second = await admin.PostJsonAsync(Users, NewUser(name, Phone(), "staff"));
        var problem = await second.ProblemAsync(400);
        problem.GetProperty("errors").GetProperty("userName")[0].GetString().Should().Contain("已被使用");

        var samePhone = await admin.PostJsonAsync(Users, NewUser(Unique(), phone, "staff"));
        (await samePhone.ProblemAsync(400)).GetProperty("errors").GetProperty("phoneNumber")[0].GetString().Should().Contain("手机号");

        var list = await (await admin.GetAsync($"{Users}?search={name}&pageSize=200")).ReadAsync<Paged<UserView>>();
        list.Total.Should().Be(1);
        var security = factory.As("security-district", Demo.District, "security-admin", "supervisor");
        (await (await security.GetAsync($"{Users}?search={name}&pageSize=200")).ReadAsync<Paged<UserView>>()).Total.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_reset_gives_a_new_temporary_password_once(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin-dongliu", Demo.Street, "tenant-admin");
        var created = await CreateAsync(admin, Unique(), Phone());

        var response = await admin.PostAsync($"{Users}/{created.User.Id}/reset-password", null);
        response.Headers.CacheControl?.NoStore.Should().BeTrue();
        var reset = await response.ReadAsync<TemporaryPasswordView>();

        reset.TemporaryPassword.Should().NotBe(created.TemporaryPassword).And.HaveLength(14);
        (await PassesPolicyAsync(factory, created.User.Id, reset.TemporaryPassword)).Should().BeTrue();
        (await PassesPolicyAsync(factory, created.User.Id, created.TemporaryPassword)).Should().BeFalse("the old password no longer works");
        var read = await (await admin.GetAsync($"{Users}/{created.User.Id}")).ReadAsync<UserView>();
        read.MustChangePassword.Should().BeTrue();
        read.Version.Should().NotBe(created.User.Version);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_account_is_disabled_and_enabled_but_never_by_its_owner(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin-dongliu", Demo.Street, "tenant-admin");
        var created = await CreateAsync(admin, Unique());
        string stamp;
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            stamp = (await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().FindByIdAsync(created.User.Id.ToString()))!.SecurityStamp;
        }

        var disabled = await (await admin.PostAsync($"{Users}/{created.User.Id}/disable", null)).ReadAsync<UserView>();
        disabled.Status.Should().Be("Disabled");
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            (await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().FindByIdAsync(created.User.Id.ToString()))!
                .SecurityStamp.Should().NotBe(stamp, "disabling ends the sessions");
        }
        var enabled = await (await admin.PostAsync($"{Users}/{created.User.Id}/enable", null)).ReadAsync<UserView>();
        enabled.Status.Should().Be("Active");

        // The account's owner, signed in as a tenant admin, cannot disable themselves or leave the active tenant.
        var self = factory.As(created.User.Id.ToString(), Demo.Street, "tenant-admin");
        (await (await self.PostAsync($"{Users}/{created.User.Id}/disable", null)).ProblemAsync(422))
            .GetProperty("code").GetString().Should().Be("user.disable_self");
        var dongliu = await factory.TenantAsync(Demo.Street);
        (await (await self.DeleteAsync($"{Users}/{created.User.Id}/memberships/{dongliu.Id}")).ProblemAsync(422))
            .GetProperty("code").GetString().Should().Be("user.remove_own_membership");

        // Another administrator may remove the membership; the user then is out of scope.
        (await admin.DeleteAsync($"{Users}/{created.User.Id}/memberships/{dongliu.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"{Users}/{created.User.Id}")).ProblemAsync(404);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_locked_out_account_is_unlocked_and_its_sessions_can_be_ended(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin-dongliu", Demo.Street, "tenant-admin");
        var created = await CreateAsync(admin, Unique());
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            var account = (await users.FindByIdAsync(created.User.Id.ToString()))!;
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await users.AccessFailedAsync(account);
            }
            (await users.IsLockedOutAsync(account)).Should().BeTrue();
        }
        (await (await admin.GetAsync($"{Users}/{created.User.Id}")).ReadAsync<UserView>()).IsLockedOut.Should().BeTrue();

        var unlocked = await (await admin.PostAsync($"{Users}/{created.User.Id}/unlock", null)).ReadAsync<UserView>();
        unlocked.IsLockedOut.Should().BeFalse();
        string stamp;
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
            var account = (await users.FindByIdAsync(created.User.Id.ToString()))!;
            (await users.IsLockedOutAsync(account)).Should().BeFalse();
            (await users.GetAccessFailedCountAsync(account)).Should().Be(0);
            stamp = account.SecurityStamp;
        }

        (await admin.PostAsync($"{Users}/{created.User.Id}/end-sessions", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            (await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().FindByIdAsync(created.User.Id.ToString()))!
                .SecurityStamp.Should().NotBe(stamp);
        }
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Bad_input_unknown_ids_and_missing_permissions_are_problems(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin-dongliu", Demo.Street, "tenant-admin");
        var name = Unique();

        (await (await admin.PostAsync(Users, Http.RawJson($"{{\"userName\":\"{name}\",\"displayName\":"))).ProblemAsync(400))
            .GetProperty("code").GetString().Should().Be("request.malformed_json");
        var xiliu = await factory.TenantAsync(Demo.Sibling);
        (await (await admin.PostAsync(Users, Http.RawJson(
                $"{{\"userName\":\"{name}\",\"displayName\":\"张三\",\"roles\":[\"staff\"],\"passwordHash\":\"x\",\"id\":\"{Guid.NewGuid()}\"}}")))
            .ProblemAsync(400)).GetProperty("code").GetString().Should().Be("request.unknown_field");
        (await (await admin.PostJsonAsync(Users, new { userName = name, displayName = "", roles = Array.Empty<string>() })).ProblemAsync(400))
            .GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Contain(["displayName", "roles"]);
        // A street cannot open accounts in a sibling street.
        await (await admin.PostJsonAsync(Users, new { userName = name, displayName = "张三", tenantId = xiliu.Id, roles = StaffOnly })).ProblemAsync(404);
        (await (await admin.GetAsync($"{Users}?search={name}")).ReadAsync<Paged<UserView>>()).Total.Should().Be(0);

        await (await admin.GetAsync($"{Users}/{Guid.NewGuid()}")).ProblemAsync(404);
        await (await admin.PostAsync($"{Users}/{Guid.NewGuid()}/unlock", null)).ProblemAsync(404);

        var staff = factory.As("staff-dongliu", Demo.Street, "staff");
        await (await staff.GetAsync(Users)).ProblemAsync(403);
        var leader = factory.As("leader-dongliu", Demo.Street, "leader");
        (await leader.GetAsync(Users)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await leader.PostJsonAsync(Users, NewUser(Unique(), null, "staff"))).ProblemAsync(403);
    }

    private sealed record CreatedUserView(UserView User, string TemporaryPassword);

    private sealed record TemporaryPasswordView(string TemporaryPassword);

    private sealed record UserView(
        Guid Id, string UserName, string DisplayName, string? PhoneNumber, string? Email, string Status, DateOnly? TermEndsOn,
        bool MustChangePassword, bool IsLockedOut, bool TwoFactorEnabled, DateTime CreatedAtUtc, Guid Version, List<MembershipView> Memberships);

    private sealed record MembershipView(Guid TenantId, string TenantName, List<string> Roles);
}
