using Microsoft.AspNetCore.Hosting;
using System.Net;
using System.Net.Http.Headers;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class HostTests(Platforms platforms)
{
    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Health_endpoints_answer_without_sign_in(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var client = factory.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task OpenApi_document_and_swagger_ui_are_served(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var client = factory.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");
        document.Should().Contain("/api/identity/handling-units").And.Contain("/api/identity/tenants").And.Contain("/api/deputies/points-policies");
        var swagger = await client.GetAsync("/swagger/index.html");
        swagger.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Every_response_carries_the_security_headers_and_a_request_id(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Request-Id", "req-12345");

        var response = await client.SendAsync(request);

        response.Headers.GetValues("X-Request-Id").Should().Equal("req-12345");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Anonymous_calls_to_the_api_get_a_401_problem_in_chinese(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var response = await factory.CreateClient().GetAsync("/api/identity/tenants");

        var problem = await response.ProblemAsync(401);
        problem.GetProperty("title").GetString().Should().Be("未登录");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Unknown_api_paths_are_404_problems_not_the_spa(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var client = factory.As("admin", Demo.District, "system-admin");

        var problem = await (await client.GetAsync("/api/identity/nothing-here")).ProblemAsync(404);
        problem.GetProperty("title").GetString().Should().Be("未找到");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Problems_are_in_english_when_the_request_asks_for_it(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-US"));

        var problem = await (await client.GetAsync("/api/identity/tenants")).ProblemAsync(401);
        problem.GetProperty("title").GetString().Should().Be("Unauthorized");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_token_for_an_unknown_tenant_is_refused_before_any_endpoint(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var client = factory.As("someone", "no-such-tenant", "system-admin");

        var problem = await (await client.GetAsync("/api/identity/tenants")).ProblemAsync(403);
        problem.GetProperty("code").GetString().Should().Be("tenant.unknown");
    }

    [Fact]
    public void The_development_header_scheme_cannot_start_in_production()
    {
        using var factory = new ProductionFactory();

        var start = () => factory.Server;

        start.Should().Throw<InvalidOperationException>().WithMessage("*DevelopmentHeaders*Production*");
    }

    private sealed class ProductionFactory : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Authentication:DevelopmentHeaders:Enabled", "true");
            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("Scheduler:Enabled", "false");
        }
    }
}
