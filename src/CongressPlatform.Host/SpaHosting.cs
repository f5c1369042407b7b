using CongressPlatform.BuildingBlocks.Security;

namespace CongressPlatform.Host;

internal static class SpaHosting
{
    private static readonly string[] ReservedPrefixes = ["/api", "/openapi", "/health", "/swagger", "/connect", "/.well-known", "/account"];

    /// <summary>
    /// Serves the built client from wwwroot and falls back to index.html for client routes. API,
    /// OpenAPI, health and Swagger paths never fall back: an unknown API path stays a 404 problem.
    /// </summary>
    public static WebApplication UseSpa(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        var index = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "index.html");
        app.MapFallback(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (ReservedPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)) || !File.Exists(index))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(index);
        }).AllowPublic("The single-page application shell");
        return app;
    }
}
