using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.BuildingBlocks.Web;

/// <summary>
/// <c>ForwardedHeaders:*</c>: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the host
/// believes, besides the loopback (nginx on the same machine, as infra/ sets it up, is always believed).
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of proxies on other machines, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// Behind the reverse proxy every connection comes from the proxy: without its forwarded headers all residents would
/// share one address — one rate-limit partition for the public pages and the opinion form, one address in the audit
/// trail — and the host would think it is served over http (the OpenID issuer, the redirect addresses). The headers are
/// believed only from a known proxy (the loopback and the configured ones), and only its last hop: a client cannot
/// choose its address by sending the header itself.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new();
        var proxies = settings.KnownProxies.Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = settings.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/24).")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // The defaults keep the loopback (127.0.0.0/8 and ::1) as known; ForwardLimit stays 1 (one proxy, its hop).
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme.</summary>
    public static IApplicationBuilder UseReverseProxySupport(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
