using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CongressPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// The test server's connections have no address: this sets a request's connection address from <see cref="Header"/>,
/// before the platform's pipeline, so tests can be distinct phones or a proxy. Register it as an <see cref="IStartupFilter"/>.
/// </summary>
public sealed class TestAddressFilter : IStartupFilter
{
    public const string Header = "X-Test-Ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}
