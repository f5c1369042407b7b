using CongressPlatform.ArchitectureTests.Infrastructure;

namespace CongressPlatform.ArchitectureTests;

/// <summary>ARCHITECTURE rule 4: every endpoint of the real host declares its permission or that it is public.</summary>
[Collection(HostCollection.Name)]
public sealed class EndpointTests(HostFixture host)
{
    [Fact]
    public void The_host_maps_the_module_and_platform_APIs()
    {
        var routes = host.Endpoints.Select(e => e.RoutePattern.RawText ?? string.Empty).ToList();
        foreach (var prefix in Architecture.Modules.Select(m => $"/api/{m.Name}/").Append("/api/platform/"))
        {
            routes.Should().Contain(r => r.StartsWith(prefix, StringComparison.Ordinal), $"the host maps {prefix}");
        }
    }

    [Fact]
    public void Every_endpoint_declares_a_catalogued_permission_or_that_it_is_public_and_API_routes_follow_the_naming()
    {
        var offenders = Rules.EndpointViolations(host.Endpoints, Architecture.Modules.Select(m => m.Name).ToList(), host.Catalog.Exists).ToList();
        offenders.Should().BeEmpty(Architecture.Report("Endpoint rule violations", offenders));
    }
}
