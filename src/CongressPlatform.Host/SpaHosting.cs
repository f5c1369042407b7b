using CongressPlatform.BuildingBlocks.Security;
using Microsoft.Net.Http.Headers;

namespace CongressPlatform.Host;

internal static class SpaHosting
{
    private static readonly string[] ReservedPrefixes = ["/api", "/openapi", "/health", "/swagger", "/connect", "/.well-known", "/account"];

    /// <summary>
    /// Serves the built client from wwwroot and falls back to index.html for client routes. API,
    /// OpenAPI, health and Swagger paths never fall back: an unknown API path stays a 404 problem.
    /// </summary>
    /// <remarks>
    /// With the build's static web assets manifest (every build and publish of the host writes it), the files are
    /// served by <c>MapStaticAssets</c>: compressed at build time (gzip, and Brotli on publish), with ETags, and
    /// Vite's content-hashed <c>/assets/*</c> marked immutable for a year, so a visit downloads about a fifth of
    /// the bytes and a return visit revalidates nothing but index.html (docs/performance.md, D). Without the
    /// manifest (a process that is not the host, e.g. the benchmarks' serve mode) plain static files are served.
    /// </remarks>
    public static WebApplication UseSpa(this WebApplication app)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json");
        if (File.Exists(manifest))
        {
            app.Use((context, next) =>
            {
                if (context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal))
                {
                    context.Response.OnStarting(static state =>
                    {
                        var response = (HttpResponse)state;
                        if (response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
                        {
                            response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
                        }
                        return Task.CompletedTask;
                    }, context.Response);
                }
                return next(context);
            });
            // In a group, so that the declaration also covers the endpoint MapStaticAssets adds by itself in
            // Development (a {**path:file} fallback that serves files changed since the build).
            app.MapGroup(string.Empty).AllowPublic("The web client's files").MapStaticAssets(manifest);
        }
        else
        {
            app.UseDefaultFiles();
            app.UseStaticFiles();
        }
        var index = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "index.html");
        app.MapFallback(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (ReservedPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)) || !File.Exists(index))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            // The shell names the current hashed scripts: never from a cache without asking.
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(index);
        }).AllowPublic("The single-page application shell");
        return app;
    }
}
