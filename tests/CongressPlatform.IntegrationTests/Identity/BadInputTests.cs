using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Identity;

/// <summary>Bad input gets a problem-details 4xx and changes nothing.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BadInputTests(Platforms platforms)
{
    private const string Units = "/api/identity/handling-units";

    private static async Task<int> CountAsync(HttpClient client) =>
        (await (await client.GetAsync($"{Units}?pageSize=1&includeInactive=true")).ReadAsync<Paged<UnitView>>()).Total;

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Malformed_json_is_a_400_problem(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-beitang", "beitang", "staff");
        var before = await CountAsync(staff);

        var response = await staff.PostAsync(Units, Http.RawJson("{\"name\": \"北塘\", \"kind\": "));

        var problem = await response.ProblemAsync(400);
        problem.GetProperty("code").GetString().Should().Be("request.malformed_json");
        problem.GetProperty("detail").GetString().Should().Contain("JSON");
        (await CountAsync(staff)).Should().Be(before);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Unknown_fields_that_would_set_the_tenant_or_the_id_are_refused(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-beitang", "beitang", "staff");
        var created = await (await staff.PostJsonAsync(Units, new { name = $"北塘{Guid.NewGuid():N}"[..12], kind = "Other" })).ReadAsync<UnitView>();
        var xiliu = await factory.TenantAsync(Demo.Sibling);

        var response = await staff.PutAsync($"{Units}/{created.Id}", Http.RawJson(
            $"{{\"name\":\"搬家\",\"kind\":\"Other\",\"isActive\":true,\"version\":\"{created.Version}\",\"tenantId\":\"{xiliu.Id}\",\"id\":\"{Guid.NewGuid()}\"}}"));

        var problem = await response.ProblemAsync(400);
        problem.GetProperty("code").GetString().Should().Be("request.unknown_field");
        problem.GetProperty("detail").GetString().Should().Contain("无法识别的字段");
        (await (await staff.GetAsync($"{Units}/{created.Id}")).ReadAsync<UnitView>()).Should().BeEquivalentTo(created);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_oversize_body_is_a_413_problem(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-beitang", "beitang", "staff");
        var before = await CountAsync(staff);
        var huge = new string('长', 1_100_000);

        var response = await staff.PostJsonAsync(Units, new { name = huge, kind = "Other" });

        (await response.ProblemAsync(413)).GetProperty("code").GetString().Should().Be("request.too_large");
        (await CountAsync(staff)).Should().Be(before);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Field_errors_come_back_per_field_in_chinese(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-beitang", "beitang", "staff");
        var before = await CountAsync(staff);

        var response = await staff.PostJsonAsync(Units, new { name = "", kind = "Other", contactPhone = "call me" });

        var problem = await response.ProblemAsync(400);
        problem.GetProperty("code").GetString().Should().Be("validation");
        var errors = problem.GetProperty("errors");
        errors.GetProperty("name")[0].GetString().Should().Contain("名称");
        errors.GetProperty("contactPhone")[0].GetString().Should().Contain("联系电话");
        (await CountAsync(staff)).Should().Be(before);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_unknown_enum_value_is_a_400_problem(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-beitang", "beitang", "staff");

        var response = await staff.PostAsync(Units, Http.RawJson("{\"name\":\"北塘某局\",\"kind\":\"Ministry\"}"));

        (await response.ProblemAsync(400)).GetProperty("code").GetString().Should().Be("request.malformed_json");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_unknown_id_is_a_404_problem(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-beitang", "beitang", "staff");

        var problem = await (await staff.GetAsync($"{Units}/{Guid.NewGuid()}")).ProblemAsync(404);

        problem.GetProperty("detail").GetString().Should().Contain("承办单位");
    }
}
