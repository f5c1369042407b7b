using System.Net;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Deputies;

[Collection(PlatformCollection.Name)]
public sealed class PointsPolicyTests(Platforms platforms)
{
    private const string Policies = "/api/deputies/points-policies";

    private static object Rules(Guid version, params (string Kind, int Points, int? Cap)[] rules) =>
        new { rules = rules.Select(r => new { kind = r.Kind, points = r.Points, quarterCap = r.Cap }).ToArray(), version };

    private static async Task<PolicyView> OwnPolicyAsync(HttpClient client) =>
        (await (await client.GetAsync(Policies)).ReadAsync<List<PolicyView>>()).Should().ContainSingle().Subject;

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_leader_changes_the_rules_and_the_revision_rises(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var leader = factory.As("leader-qingshan", "qingshan", "leader");
        var policy = await OwnPolicyAsync(leader);

        var updated = await (await leader.PutJsonAsync($"{Policies}/{policy.Id}/rules",
            Rules(policy.Version, ("StudyAttended", 3, 9), ("InspectionJoined", 6, null)))).ReadAsync<PolicyView>();

        updated.Revision.Should().Be(policy.Revision + 1);
        updated.Version.Should().NotBe(policy.Version);
        updated.Rules.Should().BeEquivalentTo([new RuleView("StudyAttended", 3, 9), new RuleView("InspectionJoined", 6, null)]);

        var stale = await leader.PutJsonAsync($"{Policies}/{policy.Id}/rules", Rules(policy.Version, ("StudyAttended", 1, null)));
        (await stale.ProblemAsync(409)).GetProperty("code").GetString().Should().Be("concurrency");
        (await OwnPolicyAsync(leader)).Rules.Should().HaveCount(2);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_sibling_can_neither_see_nor_change_another_streets_policy(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var owner = factory.As("leader-beitang", "beitang", "leader");
        var sibling = factory.As("leader-nanhu", "nanhu", "leader", "tenant-admin");
        var policy = await OwnPolicyAsync(owner);

        var seen = await (await sibling.GetAsync(Policies)).ReadAsync<List<PolicyView>>();
        seen.Should().NotContain(p => p.Id == policy.Id);
        var change = await sibling.PutJsonAsync($"{Policies}/{policy.Id}/rules", Rules(policy.Version, ("StudyAttended", 99, null)));
        await change.ProblemAsync(404);

        (await OwnPolicyAsync(owner)).Should().BeEquivalentTo(policy);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Bad_rules_are_refused_and_change_nothing(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var leader = factory.As("leader-xiliu", Demo.Sibling, "leader");
        var policy = await OwnPolicyAsync(leader);
        var url = $"{Policies}/{policy.Id}/rules";

        (await (await leader.PutJsonAsync(url, Rules(policy.Version))).ProblemAsync(400))
            .GetProperty("errors").GetProperty("rules")[0].GetString().Should().Contain("积分规则");
        (await (await leader.PutJsonAsync(url, Rules(policy.Version, ("StudyAttended", -1, null)))).ProblemAsync(400))
            .GetProperty("code").GetString().Should().Be("validation");
        (await (await leader.PutJsonAsync(url, Rules(policy.Version, ("StudyAttended", 2, null), ("StudyAttended", 3, null)))).ProblemAsync(422))
            .GetProperty("code").GetString().Should().Be("points.duplicate_kind");
        (await (await leader.PutAsync(url, Http.RawJson($"{{\"rules\":[],\"version\":\"{policy.Version}\",\"tenantId\":\"{Guid.NewGuid()}\"}}"))).ProblemAsync(400))
            .GetProperty("code").GetString().Should().Be("request.unknown_field");
        (await leader.PutJsonAsync($"{Policies}/{Guid.NewGuid()}/rules", Rules(policy.Version, ("StudyAttended", 2, null)))).StatusCode
            .Should().Be(HttpStatusCode.NotFound);

        (await OwnPolicyAsync(leader)).Should().BeEquivalentTo(policy);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Staff_may_read_but_not_change_the_policy(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-xinchang", Demo.Township, "staff");
        var policy = await OwnPolicyAsync(staff);

        await (await staff.PutJsonAsync($"{Policies}/{policy.Id}/rules", Rules(policy.Version, ("StudyAttended", 2, null)))).ProblemAsync(403);
    }
}
