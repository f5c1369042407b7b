using Microsoft.Extensions.DependencyInjection;
using System.Net;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Identity;

[Collection(PlatformCollection.Name)]
public sealed class TenantTests(Platforms platforms)
{
    private const string Tenants = "/api/identity/tenants";

    private static string NewCode() => "t" + Guid.NewGuid().ToString("N")[..10];

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_demo_district_has_four_streets_and_two_townships(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin", Demo.District, "system-admin");

        var tenants = await (await admin.GetAsync(Tenants)).ReadAsync<List<TenantView>>();

        var district = tenants.Single(t => t.Code == Demo.District);
        district.Name.Should().Be("柳城区人大常委会");
        tenants.Where(t => t.ParentId == district.Id && t.Kind == "Street").Should().HaveCountGreaterThanOrEqualTo(4);
        tenants.Where(t => t.ParentId == district.Id && t.Kind == "Township").Should().HaveCountGreaterThanOrEqualTo(2);
        tenants.Should().Contain(t => t.Name == "东柳街道人大工委").And.Contain(t => t.Name == "新昌镇人大主席团");
        tenants.Select(t => t.Path).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_street_sees_only_itself_in_the_tree(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var street = factory.As("admin-dongliu", Demo.Street, "tenant-admin");

        var tenants = await (await street.GetAsync(Tenants)).ReadAsync<List<TenantView>>();

        tenants.Should().ContainSingle().Which.Code.Should().Be(Demo.Street);
        var district = await factory.TenantAsync(Demo.District);
        (await street.GetAsync($"{Tenants}/{district.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_district_creates_a_street_and_the_deputies_module_gives_it_a_points_policy(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin", Demo.District, "system-admin");
        var district = await factory.TenantAsync(Demo.District);
        var code = NewCode();

        var response = await admin.PostJsonAsync(Tenants, new { parentId = district.Id, code, name = $"测试街道{code}", kind = "Street" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await response.ReadAsync<TenantView>();
        created.Path.Should().Be($"/{Demo.District}/{code}/");

        await factory.DispatchOutboxAsync();
        var leader = factory.As("leader-new", code, "leader");
        var policies = await (await leader.GetAsync("/api/deputies/points-policies")).ReadAsync<List<PolicyView>>();
        var policy = policies.Should().ContainSingle().Subject;
        policy.TenantId.Should().Be(created.Id);
        policy.Rules.Should().Contain(r => r.Kind == "InspectionJoined" && r.Points == 5);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Codes_are_unique_and_only_a_supervisor_of_the_parent_creates_children(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var district = await factory.TenantAsync(Demo.District);
        var admin = factory.As("admin", Demo.District, "system-admin");

        var duplicate = await admin.PostJsonAsync(Tenants, new { parentId = district.Id, code = Demo.Street, name = "重复", kind = "Street" });
        (await duplicate.ProblemAsync(409)).GetProperty("code").GetString().Should().Be("tenant.code_taken");

        var badCode = await admin.PostJsonAsync(Tenants, new { parentId = district.Id, code = "Bad Code!", name = "坏编码", kind = "Street" });
        (await badCode.ProblemAsync(400)).GetProperty("errors").GetProperty("code")[0].GetString().Should().Contain("编码");

        var streetAdmin = factory.As("admin-dongliu", Demo.Street, "tenant-admin");
        var street = await factory.TenantAsync(Demo.Street);
        var code = NewCode();
        await (await streetAdmin.PostJsonAsync(Tenants, new { parentId = street.Id, code, name = "下级", kind = "Street" })).ProblemAsync(403);
        (await factory.Services.GetRequiredService<CongressPlatform.BuildingBlocks.Tenancy.ITenantDirectory>().FindByCodeAsync(code, default)).Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_disabled_tenant_can_no_longer_be_worked_in(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin", Demo.District, "system-admin");
        var district = await factory.TenantAsync(Demo.District);
        var code = NewCode();
        var created = await (await admin.PostJsonAsync(Tenants, new { parentId = district.Id, code, name = $"停用测试{code}", kind = "Township" })).ReadAsync<TenantView>();

        var disabled = await (await admin.PutJsonAsync($"{Tenants}/{created.Id}", new { name = created.Name, isActive = false, version = created.Version }))
            .ReadAsync<TenantView>();

        disabled.IsActive.Should().BeFalse();
        var member = factory.As("staff-new", code, "staff");
        (await (await member.GetAsync("/api/identity/handling-units")).ProblemAsync(403)).GetProperty("code").GetString().Should().Be("tenant.unknown");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_street_cannot_rename_or_disable_a_sibling_and_bad_input_changes_nothing(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin", Demo.District, "system-admin");
        var sibling = await (await admin.GetAsync($"{Tenants}/{(await factory.TenantAsync(Demo.Sibling)).Id}")).ReadAsync<TenantView>();
        var street = factory.As("admin-dongliu", Demo.Street, "tenant-admin");

        await (await street.PutJsonAsync($"{Tenants}/{sibling.Id}", new { name = "被改名", isActive = false, version = sibling.Version })).ProblemAsync(404);

        var own = await (await street.GetAsync($"{Tenants}/{(await factory.TenantAsync(Demo.Street)).Id}")).ReadAsync<TenantView>();
        (await (await street.PutJsonAsync($"{Tenants}/{own.Id}", new { name = "", isActive = true, version = own.Version })).ProblemAsync(400))
            .GetProperty("errors").TryGetProperty("name", out _).Should().BeTrue();
        (await (await street.PutAsync($"{Tenants}/{own.Id}", Http.RawJson($"{{\"name\":\"东柳\",\"isActive\":true,\"version\":\"{own.Version}\",\"path\":\"/x/\"}}")))
            .ProblemAsync(400)).GetProperty("code").GetString().Should().Be("request.unknown_field");
        (await (await street.PutJsonAsync($"{Tenants}/{own.Id}", new { name = own.Name, isActive = false, version = own.Version })).ProblemAsync(422))
            .GetProperty("code").GetString().Should().Be("tenant.disable_self");

        (await (await admin.GetAsync($"{Tenants}/{sibling.Id}")).ReadAsync<TenantView>()).Should().BeEquivalentTo(sibling);
        (await (await street.GetAsync($"{Tenants}/{own.Id}")).ReadAsync<TenantView>()).Should().BeEquivalentTo(own);
    }
}
