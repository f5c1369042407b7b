using System.Net;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Rankings;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Deputies;

[Collection(PlatformCollection.Name)]
public sealed class RankingTests(Platforms platforms)
{
    private static async Task RecordAsync(HttpClient staff, Guid deputyId, string kind, string date, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            await (await staff.PostJsonAsync($"/api/deputies/deputies/{deputyId}/duty-records",
                new { kind, title = $"{kind} {i}", occurredOn = date, attendance = "Attended" })).ReadAsync<RecordView>();
        }
    }

    private static async Task<GroupView> GroupAsync(HttpClient staff, string name, Guid leader, Guid vice, params Guid[] members) =>
        await (await staff.PostJsonAsync("/api/deputies/groups", new { name, leaderId = leader, viceLeaderIds = new[] { vice }, memberIds = members }))
            .ReadAsync<GroupView>();

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_change_saved_in_a_transaction_is_in_the_next_kept_read_after_its_commit(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var cache = factory.Services.GetRequiredService<RankingCache>();
        var key = ("commit-test", Guid.NewGuid());
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Deputies.Add(new Deputy(new DeputyDetails(RegistryWorld.Name(), Gender.Female, null, 1970, "群众", null, null, null, RegistryWorld.Mobile(), null),
                DateTime.UtcNow));
            await db.SaveChangesAsync();
            // Between the save and the commit, other requests still read the data as it was, and keep what they computed.
            (await cache.GetOrCreateAsync(key, () => Task.FromResult("read before the commit"))).Should().Be("read before the commit");
            await transaction.CommitAsync();
        }
        (await cache.GetOrCreateAsync(key, () => Task.FromResult("read after the commit"))).Should().Be("read after the commit",
            "a read after the commit must not be served what was computed from the data before it");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_group_ranking_shares_tied_places_and_the_district_sees_every_street_but_a_sibling_none(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-rank", Demo.Street, "staff");
        var a = await ArchiveSeed.DeputyAsync(factory, Demo.Street, "排名甲");
        var b = await ArchiveSeed.DeputyAsync(factory, Demo.Street, "排名乙");
        var c = await ArchiveSeed.DeputyAsync(factory, Demo.Street, "排名丙");
        var d = await ArchiveSeed.DeputyAsync(factory, Demo.Street, "排名丁");
        var group = await GroupAsync(staff, ArchiveSeed.Unique("排名小组"), a, b, c, d);
        // 2023: a year no demo data and no policy touch: the default rules (study 2, cap 6 a quarter; inspection 5, cap 10).
        await RecordAsync(staff, a, "InspectionJoined", "2023-02-10", 3);  // 15 → capped 10
        await RecordAsync(staff, b, "StudyAttended", "2023-01-05", 2);     // 4
        await RecordAsync(staff, b, "StudyAttended", "2023-04-05", 3);     // 6 → 10
        await RecordAsync(staff, c, "StudyAttended", "2023-07-05", 2);     // 4

        var ranking = await (await staff.GetAsync($"/api/deputies/rankings?year=2023&groupId={group.Id}")).ReadAsync<RankingView>();
        ranking.Entries.Select(e => (e.Rank, e.Name, e.Total)).Should().Equal((1, "排名乙", 10), (1, "排名甲", 10), (3, "排名丙", 4), (4, "排名丁", 0));
        ranking.Entries.Should().OnlyContain(e => e.GroupName == group.Name);
        ranking.Policies.Should().ContainSingle().Which.Revision.Should().Be(0, "the street had no policy for 2023: the default rules");
        var q1 = await (await staff.GetAsync($"/api/deputies/rankings?year=2023&quarter=1&groupId={group.Id}")).ReadAsync<RankingView>();
        q1.Entries.Single(e => e.DeputyId == b).Total.Should().Be(4);

        var groups = await (await staff.GetAsync("/api/deputies/rankings/groups?year=2023")).ReadAsync<List<GroupRankView>>();
        groups.Single(g => g.GroupId == group.Id).Should().Match<GroupRankView>(g => g.MemberCount == 4 && g.TotalPoints == 24 && g.AveragePoints == 6m);
        var shortlist = await (await staff.GetAsync("/api/deputies/rankings/shortlist?year=2023&top=1")).ReadAsync<ShortlistView>();
        shortlist.Deputies.Select(e => e.DeputyId).Should().Contain([a, b], "both share the first place");

        var supervisor = factory.As("supervisor-rank", Demo.District, "supervisor");
        var district = await (await supervisor.GetAsync("/api/deputies/rankings?year=2023")).ReadAsync<RankingView>();
        district.Entries.Should().Contain(e => e.DeputyId == a && e.Total == 10 && e.TenantName.Contains("东柳"));
        var street = await factory.TenantAsync(Demo.Street);
        (await (await supervisor.GetAsync($"/api/deputies/rankings?year=2023&tenantId={street.Id}")).ReadAsync<RankingView>())
            .Entries.Should().Contain(e => e.DeputyId == c);
        (await (await supervisor.GetAsync("/api/deputies/rankings/groups?year=2023")).ReadAsync<List<GroupRankView>>())
            .Should().Contain(g => g.GroupId == group.Id);

        var sibling = factory.As("staff-rank-xiliu", Demo.Sibling, "staff");
        var theirs = await (await sibling.GetAsync("/api/deputies/rankings?year=2023")).ReadAsync<RankingView>();
        theirs.Entries.Should().NotContain(e => e.DeputyId == a || e.DeputyId == b || e.DeputyId == c || e.DeputyId == d);
        (await (await sibling.GetAsync($"/api/deputies/rankings?year=2023&tenantId={street.Id}")).ReadAsync<RankingView>()).Entries.Should().BeEmpty();
        (await sibling.GetAsync($"/api/deputies/rankings?year=2023&groupId={group.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await sibling.GetAsync("/api/deputies/rankings/groups?year=2023")).ReadAsync<List<GroupRankView>>()).Should().NotContain(g => g.GroupId == group.Id);
        (await (await sibling.GetAsync("/api/deputies/groups")).ReadAsync<List<GroupView>>()).Should().NotContain(g => g.Id == group.Id);
        (await sibling.PutJsonAsync($"/api/deputies/groups/{group.Id}", new { name = "x", leaderId = a, viceLeaderIds = new[] { b }, memberIds = Array.Empty<Guid>(), version = group.Version }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await staff.GetAsync("/api/deputies/rankings?year=2023&quarter=5")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Points_follow_the_years_policy_and_a_past_years_ranking_never_changes(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var leader = factory.As("leader-nanhu-rank", "nanhu", "leader", "staff");
        var a = await ArchiveSeed.DeputyAsync(factory, "nanhu", "积分甲");
        var b = await ArchiveSeed.DeputyAsync(factory, "nanhu", "积分乙");
        var group = await GroupAsync(leader, ArchiveSeed.Unique("积分小组"), a, b);
        var thisYear = DateTime.UtcNow.AddHours(8).Year;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        // Last year's policy exists and is closed.
        var nanhu = await factory.TenantAsync("nanhu");
        var pastPolicyId = await PastPolicyAsync(factory, nanhu, thisYear - 1, suggestionPoints: 7);
        await RecordAsync(leader, a, "SuggestionRaised", $"{today:yyyy-MM-dd}", 2);
        await RecordAsync(leader, a, "SuggestionRaised", $"{thisYear - 1}-08-01", 2);
        var past = await (await leader.GetAsync($"/api/deputies/rankings?year={thisYear - 1}&groupId={group.Id}")).ReadAsync<RankingView>();
        past.Entries.Single(e => e.DeputyId == a).Total.Should().Be(14);
        past.Policies.Should().ContainSingle().Which.Revision.Should().Be(2);
        var policies = await (await leader.GetAsync($"/api/deputies/points-policies")).ReadAsync<List<PolicyView>>();
        var pastPolicy = policies.Single(p => p.Id == pastPolicyId);
        (await (await leader.PutJsonAsync($"/api/deputies/points-policies/{pastPolicyId}/rules",
                new { rules = new[] { new { kind = "SuggestionRaised", points = 99, quarterCap = (int?)null } }, version = pastPolicy.Version }))
            .ProblemAsync(422)).GetProperty("code").GetString().Should().Be("points.year_closed");
        (await (await leader.PostAsync($"/api/deputies/points-policies/{pastPolicyId}/next-year", null)).ProblemAsync(409))
            .GetProperty("code").GetString().Should().Be("points.year_exists");

        // This year's policy changes: this year's points follow and name the new revision; last year's stay.
        var current = policies.Single(p => p.Year == thisYear);
        var changed = await (await leader.PutJsonAsync($"/api/deputies/points-policies/{current.Id}/rules",
            new { rules = new[] { new { kind = "SuggestionRaised", points = 8, quarterCap = (int?)null } }, version = current.Version })).ReadAsync<PolicyView>();
        var now = await (await leader.GetAsync($"/api/deputies/rankings?year={thisYear}&groupId={group.Id}")).ReadAsync<RankingView>();
        now.Entries.Single(e => e.DeputyId == a).Total.Should().Be(16);
        now.Policies.Should().ContainSingle().Which.Revision.Should().Be(changed.Revision);

        var next = await (await leader.PostAsync($"/api/deputies/points-policies/{changed.Id}/next-year", null)).ReadAsync<PolicyView>();
        next.Year.Should().Be(thisYear + 1);
        next.Revision.Should().Be(1);
        next.Rules.Should().BeEquivalentTo(changed.Rules);
        await (await leader.PutJsonAsync($"/api/deputies/points-policies/{next.Id}/rules",
            new { rules = new[] { new { kind = "SuggestionRaised", points = 1, quarterCap = (int?)null } }, version = next.Version })).ReadAsync<PolicyView>();

        (await (await leader.GetAsync($"/api/deputies/rankings?year={thisYear}&groupId={group.Id}")).ReadAsync<RankingView>())
            .Should().BeEquivalentTo(now, "next year's policy does not touch this year");
        (await (await leader.GetAsync($"/api/deputies/rankings?year={thisYear - 1}&groupId={group.Id}")).ReadAsync<RankingView>())
            .Should().BeEquivalentTo(past);

        var revisions = await (await leader.GetAsync($"/api/deputies/points-policies/{current.Id}/revisions")).ReadAsync<List<RevisionView>>();
        revisions.Select(r => r.Revision).Should().Equal(changed.Revision, current.Revision);
        revisions[0].Rules.Should().ContainSingle().Which.Points.Should().Be(8);
        revisions[1].Rules.Should().BeEquivalentTo(current.Rules, "the rules before the change are kept");

        var staff = factory.As("staff-nanhu-rank", "nanhu", "staff");
        (await staff.PostAsync($"/api/deputies/points-policies/{current.Id}/next-year", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await factory.As("leader-xiliu-rank", Demo.Sibling, "leader").GetAsync($"/api/deputies/points-policies/{current.Id}/revisions"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Groups_and_presidium_contacts_warn_about_their_size_and_keep_a_deputy_in_one_group(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-groups", Demo.Township, "staff");
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await ArchiveSeed.DeputyAsync(factory, Demo.Township, $"小组{i}号"));
        }
        var stranger = await ArchiveSeed.DeputyAsync(factory, Demo.Street, "外街代表");

        var group = await GroupAsync(staff, ArchiveSeed.Unique("新昌小组"), ids[0], ids[1], ids[2], ids[3]);
        group.MemberCount.Should().Be(4);
        group.Members[0].Should().Match<GroupMemberView>(m => m.Role == "Leader" && m.DeputyId == ids[0]);
        group.Warnings.Should().ContainSingle().Which.Should().Contain("少于建议的 14 名");

        (await (await staff.PostJsonAsync("/api/deputies/groups", new { name = ArchiveSeed.Unique("第二小组"), leaderId = ids[4], viceLeaderIds = new[] { ids[5] }, memberIds = new[] { ids[3] } }))
            .ProblemAsync(422)).GetProperty("code").GetString().Should().Be("deputies.group_member_taken");
        (await (await staff.PostJsonAsync("/api/deputies/groups", new { name = ArchiveSeed.Unique("第二小组"), leaderId = ids[4], viceLeaderIds = new[] { ids[5] }, memberIds = new[] { stranger } }))
            .ProblemAsync(422)).GetProperty("code").GetString().Should().Be("deputies.group_unknown_deputy");
        var moved = await (await staff.PutJsonAsync($"/api/deputies/groups/{group.Id}",
            new { name = group.Name, leaderId = ids[0], viceLeaderIds = new[] { ids[1], ids[2] }, memberIds = Array.Empty<Guid>(), version = group.Version })).ReadAsync<GroupView>();
        moved.MemberCount.Should().Be(3);
        var second = await GroupAsync(staff, ArchiveSeed.Unique("第二小组"), ids[4], ids[5], ids[3]);
        second.Members.Select(m => m.DeputyId).Should().Contain(ids[3], "once out of the first group a deputy may join another");
        (await staff.PutJsonAsync($"/api/deputies/groups/{group.Id}",
            new { name = group.Name, leaderId = ids[0], viceLeaderIds = new[] { ids[1] }, memberIds = Array.Empty<Guid>(), version = group.Version }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);

        var contacts = await (await staff.PostJsonAsync("/api/deputies/presidium-contacts",
            new { memberDeputyId = ids[0], deputyIds = ids.Skip(1).Take(3).ToArray() })).ReadAsync<PresidiumView>();
        contacts.Name.Should().Be("小组0号");
        contacts.Warnings.Should().ContainSingle().Which.Should().Contain("少于规定的 5 名");
        var enough = await (await staff.PutJsonAsync($"/api/deputies/presidium-contacts/{contacts.Id}",
            new { deputyIds = ids.Skip(1).Take(6).ToArray(), version = contacts.Version })).ReadAsync<PresidiumView>();
        enough.Warnings.Should().BeEmpty();
        enough.Deputies.Should().HaveCount(6);
        var staffMember = await (await staff.PostJsonAsync("/api/deputies/presidium-contacts",
            new { memberUserId = Guid.NewGuid(), name = "周主席", deputyIds = ids.ToArray() })).ReadAsync<PresidiumView>();
        staffMember.Warnings.Should().ContainSingle().Which.Should().Contain("多于规定的 7 名");
        (await (await staff.PostJsonAsync("/api/deputies/presidium-contacts", new { memberUserId = Guid.NewGuid(), name = "周主席", deputyIds = new[] { stranger } }))
            .ProblemAsync(422)).GetProperty("code").GetString().Should().Be("deputies.presidium_unknown_deputy");

        var deputyRole = factory.As("deputy-groups", Demo.Township, "deputy");
        (await deputyRole.PostJsonAsync("/api/deputies/groups", new { name = "x", leaderId = ids[6], viceLeaderIds = new[] { ids[7] }, memberIds = Array.Empty<Guid>() }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await deputyRole.PutJsonAsync($"/api/deputies/presidium-contacts/{contacts.Id}", new { deputyIds = Array.Empty<Guid>(), version = enough.Version }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var sibling = factory.As("staff-groups-xiliu", Demo.Sibling, "staff");
        (await (await sibling.GetAsync("/api/deputies/presidium-contacts")).ReadAsync<List<PresidiumView>>()).Should().NotContain(p => p.Id == contacts.Id);
        (await sibling.DeleteAsync($"/api/deputies/presidium-contacts/{contacts.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await sibling.DeleteAsync($"/api/deputies/groups/{group.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await staff.DeleteAsync($"/api/deputies/groups/{second.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await staff.GetAsync("/api/deputies/groups")).ReadAsync<List<GroupView>>()).Should().Contain(g => g.Id == group.Id).And.NotContain(g => g.Id == second.Id);
    }

    /// <summary>A closed policy of a past year, as if the office had set it then (policies of a past year cannot be made through the API).</summary>
    private static async Task<Guid> PastPolicyAsync(PlatformFactory factory, TenantInfo tenant, int year, int suggestionPoints)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
        var policy = PointsPolicy.CreateDefault(year, new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        policy.ReplaceRules([(DutyKind.SuggestionRaised, suggestionPoints, null)], new DateTime(year, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        ((ITenantOwned)policy).AssignTenant(tenant.Id, tenant.Path);
        db.PointsPolicies.Add(policy);
        await db.SaveChangesAsync();
        return policy.Id;
    }
}

public sealed record ShortlistView(int Year, List<RankingEntryView> Deputies, List<GroupRankView> Groups);

public sealed record RevisionView(int Revision, DateTime SavedAtUtc, List<RuleView> Rules);

public sealed record PresidiumView(Guid Id, string Name, Guid Version, List<GroupMemberView> Deputies, List<string> Warnings);
