using System.Net;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Platform;

/// <summary>
/// Behind the reverse proxy (infra/nginx): the client's address and scheme come from the proxy's forwarded headers,
/// believed only from a known proxy. The rate limiter's partition (per address) and the OpenID issuer (the request's
/// origin) show what the host believed. The connection's own address is set per request by <see cref="TestAddressFilter"/>.
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.ProxyHost host) : IClassFixture<ForwardedHeadersTests.ProxyHost>
{
    private const int PerMinute = 3;
    private const string Public = "/api/stations/public-opinions/ABCDEFGHJK";
    private const string OtherProxy = "192.0.2.10";

    /// <summary>One host for the class: low public limit, one configured proxy; each test uses addresses of its own.</summary>
    public sealed class ProxyHost : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
        {
            ["RateLimits:PublicPerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ForwardedHeaders:KnownProxies:0"] = OtherProxy,
        }, configureServices: services => services.AddSingleton<IStartupFilter, TestAddressFilter>());

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private PlatformFactory Factory => host.Factory;

    private async Task<HttpStatusCode> GetAsync(string peer, string? forwardedFor, string path = Public)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(TestAddressFilter.Header, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return (await Factory.CreateClient().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Residents_behind_the_local_proxy_are_limited_each_on_their_own_address()
    {
        for (var i = 1; i <= PerMinute * 2; i++)
        {
            (await GetAsync("127.0.0.1", $"203.0.113.{i}")).Should().NotBe(HttpStatusCode.TooManyRequests, "each resident has a limit of their own");
        }
        for (var i = 1; i <= PerMinute; i++)
        {
            (await GetAsync("127.0.0.1", "198.51.100.77")).Should().NotBe(HttpStatusCode.TooManyRequests);
        }
        (await GetAsync("127.0.0.1", "198.51.100.77")).Should().Be(HttpStatusCode.TooManyRequests, "one resident is still limited");
    }

    [Fact]
    public async Task A_configured_proxy_is_believed_and_its_last_hop_is_the_client()
    {
        for (var i = 1; i <= PerMinute * 2; i++)
        {
            (await GetAsync(OtherProxy, $"203.0.114.{i}")).Should().NotBe(HttpStatusCode.TooManyRequests);
        }
        // A client that writes its own X-Forwarded-For gets the proxy's hop appended: only the last one counts.
        for (var i = 1; i <= PerMinute; i++)
        {
            (await GetAsync(OtherProxy, $"10.9.9.{i}, 198.51.100.78")).Should().NotBe(HttpStatusCode.TooManyRequests);
        }
        (await GetAsync(OtherProxy, "10.9.9.200, 198.51.100.78")).Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_client_that_is_not_a_proxy_cannot_choose_its_address()
    {
        for (var i = 1; i <= PerMinute; i++)
        {
            (await GetAsync("198.51.100.9", $"203.0.115.{i}")).Should().NotBe(HttpStatusCode.TooManyRequests);
        }
        (await GetAsync("198.51.100.9", "203.0.115.99")).Should().Be(HttpStatusCode.TooManyRequests, "the header is not believed from a client");
    }

    [Fact]
    public async Task The_proxy_tells_the_scheme_and_the_issuer_follows_it()
    {
        async Task<string> IssuerAsync(string peer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
            request.Headers.Add(TestAddressFilter.Header, peer);
            request.Headers.Add("X-Forwarded-Proto", "https");
            var response = await Factory.CreateClient().SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("issuer").GetString()!;
        }

        (await IssuerAsync("127.0.0.1")).Should().StartWith("https://");
        (await IssuerAsync("198.51.100.10")).Should().StartWith("http://", "a client cannot claim https");
    }

    [Fact]
    public void A_proxy_that_is_not_an_address_stops_the_start_with_its_setting_named()
    {
        using var factory = new PlatformFactory(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/33",
        });
        factory.Invoking(f => f.Server).Should().Throw<InvalidOperationException>().WithMessage("*ForwardedHeaders:KnownNetworks*10.0.0.0/33*");
    }
}
