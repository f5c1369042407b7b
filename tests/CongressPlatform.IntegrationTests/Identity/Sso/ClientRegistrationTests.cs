using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Identity.Sso;

/// <summary>Registering the applications that join the single sign-on, and their secrets at the protocol endpoints.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ClientRegistrationTests(Platforms platforms)
{
    private static readonly string[] Callback = ["https://zwfw.liucheng.gov.cn/oidc/callback"];
    private static readonly string[] Home = ["https://zwfw.liucheng.gov.cn/"];
    private static readonly string[] Evil = ["https://evil.example/cb"];

    private static string Unique() => "rp-" + Guid.NewGuid().ToString("N")[..10];

    private static Task<HttpResponseMessage> RevokeAsync(HttpClient client, string clientId, string secret) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/connect/revocation")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}"))) },
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "not-a-token" }),
        });

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_system_administrator_registers_a_confidential_client_whose_secret_works_once_shown_and_can_be_renewed(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("sys-" + Unique(), Demo.District, "system-admin");
        var id = Unique();
        var created = await admin.PostJsonAsync("/api/identity/clients", new
        {
            clientId = id, displayName = "区政务服务系统", confidential = true,
            redirectUris = Callback,
            postLogoutRedirectUris = Home,
            origins = Array.Empty<string>(),
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var secret = body.GetProperty("secret").GetString()!;
        secret.Length.Should().BeGreaterThanOrEqualTo(43);
        var clientRowId = body.GetProperty("client").GetProperty("id").GetGuid();

        var list = await admin.GetStringAsync("/api/identity/clients");
        list.Should().Contain(id).And.NotContain(secret, "a secret is shown once, never listed");

        var anonymous = factory.CreateClient();
        (await RevokeAsync(anonymous, id, secret)).StatusCode.Should().Be(HttpStatusCode.OK);
        var wrong = await RevokeAsync(anonymous, id, secret + "x");
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("invalid_client");

        var renewed = await admin.PostAsync($"/api/identity/clients/{clientRowId}/secret", null);
        var newSecret = JsonDocument.Parse(await renewed.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;
        (await RevokeAsync(anonymous, id, secret)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the old secret stops working at once");
        (await RevokeAsync(anonymous, id, newSecret)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Bad_addresses_are_refused_in_Chinese_and_nothing_is_registered(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("sys-" + Unique(), Demo.District, "system-admin");
        foreach (var uri in new[] { "https://rp.example.gov.cn/cb#x", "http://rp.example.gov.cn/cb", "https://*.example.gov.cn/cb", "/relative/cb", "https://user:pw@rp.example.gov.cn/cb" })
        {
            var id = Unique();
            var response = await admin.PostJsonAsync("/api/identity/clients", new
            {
                clientId = id, displayName = "测试", confidential = false, redirectUris = new[] { uri },
            });
            var problem = await response.ProblemAsync(400);
            problem.GetProperty("detail").GetString().Should().MatchRegex("[\u4e00-\u9fff]");
            (await admin.GetStringAsync("/api/identity/clients")).Should().NotContain(id, uri);
        }
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Only_a_system_administrator_of_the_district_registers_clients_and_the_web_client_follows_configuration(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var request = new { clientId = Unique(), displayName = "x", confidential = false, redirectUris = new[] { "https://a.example.gov.cn/cb" } };
        (await factory.As("staff-" + Unique(), Demo.District, "staff").PostJsonAsync("/api/identity/clients", request)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await factory.As("sec-" + Unique(), Demo.District, "security-admin").PostJsonAsync("/api/identity/clients", request)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await factory.As("sys-" + Unique(), Demo.Street, "system-admin").PostJsonAsync("/api/identity/clients", request)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var admin = factory.As("sys-" + Unique(), Demo.District, "system-admin");
        var list = JsonDocument.Parse(await admin.GetStringAsync("/api/identity/clients")).RootElement;
        var spa = list.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == "congress-spa");
        spa.GetProperty("confidential").GetBoolean().Should().BeFalse();
        var edit = await admin.PutJsonAsync($"/api/identity/clients/{spa.GetProperty("id").GetGuid()}", new
        {
            displayName = "x", redirectUris = Evil, isEnabled = true, version = spa.GetProperty("version").GetGuid(),
        });
        (await edit.ProblemAsync(422)).GetProperty("code").GetString().Should().Be("client.web_client");
    }
}
