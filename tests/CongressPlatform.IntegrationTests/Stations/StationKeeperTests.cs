using System.Net;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Stations;

/// <summary>Accounts (with a seat and roles in a tenant) to pick as a station's keeper.</summary>
internal static class KeeperAccounts
{
    public static async Task<Guid> CreateAsync(PlatformFactory factory, string tenantCode, string roles, string? displayName = null)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var tenant = (await scope.ServiceProvider.GetRequiredService<ITenantDirectory>().FindByCodeAsync(tenantCode, CancellationToken.None))!;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var user = UserAccount.Create($"keeper-{suffix}", displayName ?? $"站长{suffix[..4]}",
            "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture), null, null, DateTime.UtcNow);
        user.NormalizedUserName = user.UserName.ToUpperInvariant();
        db.Users.Add(user);
        var membership = Membership.Create(user.Id, roles.Split(','), DateTime.UtcNow);
        ((ITenantOwned)membership).AssignTenant(tenant.Id, tenant.Path);
        db.Memberships.Add(membership);
        await db.SaveChangesAsync();
        return user.Id;
    }
}

/// <summary>The keeper is picked from the tenant's accounts; the link, not the name, gives the keeper's rights.</summary>
[Collection(PlatformCollection.Name)]
public sealed class StationKeeperTests(Platforms platforms)
{
    private const string Api = "/api/stations/stations";

    public sealed record CandidateView(Guid UserId, string UserName, string DisplayName, bool IsStationKeeper);

    public sealed record KeptStationView(Guid Id, string Name, string OpeningHours, Guid? KeeperUserId, string? KeeperName, Guid Version, string Kind);

    private static object Body(string name, Guid? keeperUserId, string? keeperName, string hours = "每周一至周五 9:00–11:30") => new
    {
        kind = "CentreStation", parentId = (Guid?)null, name, community = "东柳社区", address = "东柳路1号", openingHours = hours,
        keeperUserId, keeperName, liaisonName = (string?)null, phone = (string?)null,
    };

    private static object Edit(KeptStationView s, Guid? keeperUserId, string? keeperName, string hours) => new
    {
        kind = s.Kind, parentId = (Guid?)null, name = s.Name, community = "东柳社区", address = "东柳路1号", openingHours = hours,
        keeperUserId, keeperName, liaisonName = (string?)null, phone = (string?)null, version = s.Version,
    };

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Staff_pick_the_keeper_from_the_tenants_accounts_and_the_linked_account_gets_the_keepers_rights(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-keep", Demo.Street, "staff");
        var keeper = await KeeperAccounts.CreateAsync(factory, Demo.Street, "station-keeper", "孙站长");
        var colleague = await KeeperAccounts.CreateAsync(factory, Demo.Street, "staff");
        var deputy = await KeeperAccounts.CreateAsync(factory, Demo.Street, "deputy");
        var siblingKeeper = await KeeperAccounts.CreateAsync(factory, Demo.Sibling, "station-keeper");

        var candidates = await (await staff.GetAsync($"{Api}/keeper-candidates")).ReadAsync<List<CandidateView>>();
        candidates.Should().Contain(c => c.UserId == keeper && c.IsStationKeeper && c.DisplayName == "孙站长");
        candidates.Should().Contain(c => c.UserId == colleague && !c.IsStationKeeper);
        candidates.Should().NotContain(c => c.UserId == deputy || c.UserId == siblingKeeper);

        // Only a candidate may be linked; the name shown is the account's.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        (await (await staff.PostJsonAsync(Api, Body($"越界站长{suffix}", siblingKeeper, "别人"))).ProblemAsync(422))
            .GetProperty("detail").GetString().Should().Contain("站长须从本单位");
        (await (await staff.PostJsonAsync(Api, Body($"代表站长{suffix}", deputy, null))).ProblemAsync(422)).GetProperty("code").GetString()
            .Should().Be("stations.keeper_not_candidate");
        var kept = await (await staff.PostJsonAsync(Api, Body($"账号站长{suffix}", keeper, "随便写的名字"))).ReadAsync<KeptStationView>();
        kept.KeeperUserId.Should().Be(keeper);
        kept.KeeperName.Should().Be("孙站长");
        (await (await staff.GetAsync($"{Api}/keeper-candidates?stationId={kept.Id}")).ReadAsync<List<CandidateView>>())
            .Should().Contain(c => c.UserId == keeper);

        // The linked account edits the details and manages the rota of that station.
        var asKeeper = factory.As(keeper.ToString(), Demo.Street, "station-keeper");
        var edited = await (await asKeeper.PutJsonAsync($"{Api}/{kept.Id}", Edit(kept, keeper, "孙站长", "每周二 9:00–11:30"))).ReadAsync<KeptStationView>();
        edited.OpeningHours.Should().Be("每周二 9:00–11:30");
        (await asKeeper.PostJsonAsync($"/api/stations/rotas/{kept.Id}/generate", new { from = "2099-01-05", to = "2099-01-18" }))
            .StatusCode.Should().NotBe(HttpStatusCode.Forbidden);

        // A name-only station (the old data) still shows its keeper, and gives nobody keeper rights.
        var nameOnly = await (await staff.PostJsonAsync(Api, Body($"旧站{suffix}", null, "吴站长"))).ReadAsync<KeptStationView>();
        nameOnly.KeeperName.Should().Be("吴站长");
        nameOnly.KeeperUserId.Should().BeNull();
        (await (await asKeeper.PutJsonAsync($"{Api}/{nameOnly.Id}", Edit(nameOnly, null, "吴站长", "每周三"))).ProblemAsync(403))
            .GetProperty("code").GetString().Should().Be("stations.not_keeper");
        (await (await asKeeper.PostJsonAsync($"/api/stations/rotas/{nameOnly.Id}/generate", new { from = "2099-01-05", to = "2099-01-18" })).ProblemAsync(403))
            .GetProperty("code").GetString().Should().Be("stations.not_keeper");
        var renamed = await (await staff.PutJsonAsync($"{Api}/{nameOnly.Id}", Edit(nameOnly, null, "吴新站长", "每周三"))).ReadAsync<KeptStationView>();
        renamed.KeeperName.Should().Be("吴新站长");

        // Staff move the keeping to the colleague: the former keeper loses the rights.
        var current = await (await staff.GetAsync($"{Api}/{kept.Id}")).ReadAsync<KeptStationView>();
        var moved = await (await staff.PutJsonAsync($"{Api}/{kept.Id}", Edit(current, colleague, null, current.OpeningHours))).ReadAsync<KeptStationView>();
        moved.KeeperUserId.Should().Be(colleague);
        (await (await asKeeper.PutJsonAsync($"{Api}/{kept.Id}", Edit(moved, colleague, null, "每周四"))).ProblemAsync(403))
            .GetProperty("code").GetString().Should().Be("stations.not_keeper");

        // Permissions and scope of the picker.
        (await asKeeper.GetAsync($"{Api}/keeper-candidates")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await (await factory.As("staff-keep-s", Demo.Sibling, "staff").GetAsync($"{Api}/keeper-candidates?stationId={kept.Id}")).ProblemAsync(404);
        (await factory.CreateClient().GetAsync($"{Api}/keeper-candidates")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
