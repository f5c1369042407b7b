using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.BuildingBlocks.Audit;

/// <summary>
/// A change refused by an endpoint's permission never reaches the pipeline, so it is recorded here: a POST, PUT, PATCH
/// or DELETE answered 403 becomes a refused command entry (<c>permission.denied</c>), its action the endpoint's name
/// in the module of its route (<c>/api/identity/…</c>, <c>CreateHandlingUnit</c> → <c>identity.create-handling-unit</c>).
/// </summary>
internal sealed class AuditedAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _inner = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !HttpMethods.IsOptions(context.Request.Method) && context.RequestServices.GetService<AuditLog>() is { } log)
        {
            var name = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
            var area = segments is ["api", var module, ..] ? module : "platform";
            var action = ActionKeys.For(area, name ?? "request");
            await log.RecordCommandAsync(action, AuditOutcomes.Refused, "permission.denied", $"{context.Request.Method} {context.Request.Path}");
        }
        await _inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
