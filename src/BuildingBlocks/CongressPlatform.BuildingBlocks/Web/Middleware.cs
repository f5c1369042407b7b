using System.Text.RegularExpressions;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.BuildingBlocks.Web;

/// <summary>Takes a well-formed <c>X-Request-Id</c> or makes one, echoes it, and puts it in every log line's scope.</summary>
internal sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string Header = "X-Request-Id";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex Acceptable();

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        if (Acceptable().IsMatch(incoming))
        {
            context.TraceIdentifier = incoming;
        }
        context.Response.Headers[Header] = context.TraceIdentifier;
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = context.TraceIdentifier }))
        {
            await next(context);
        }
    }
}

/// <summary>Security headers on every response; the strict content policy forbids third-party resources and framing.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    }
}

/// <summary>
/// Resolves the active tenant once per request from the signed-in user's <c>tid</c> claim. An
/// unknown or disabled tenant is refused here, before any endpoint runs.
/// </summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ITenantDirectory directory, ITenantContext tenantContext, ICurrentUser user, IProblemDetailsService problems)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(ClaimNames.Tenant)?.Value is { Length: > 0 } claim)
        {
            var tenant = Guid.TryParse(claim, out var id)
                ? await directory.FindAsync(id, context.RequestAborted)
                : await directory.FindByCodeAsync(claim, context.RequestAborted);
            if (tenant is null || !tenant.IsActive)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Type = $"/problems/{TenantContext.UnknownTenantCode}",
                        Detail = TenantContext.UnknownTenantMessage(),
                        Extensions = { ["code"] = TenantContext.UnknownTenantCode },
                    },
                });
                return;
            }
            ((TenantContext)tenantContext).EnterFor(tenant, user);
        }
        await next(context);
    }
}
