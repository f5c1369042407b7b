using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CongressPlatform.BuildingBlocks.Security;

/// <summary>Endpoint metadata: the permission an endpoint requires.</summary>
public sealed record PermissionMetadata(string Permission);

/// <summary>Endpoint metadata: the endpoint is public on purpose, and why.</summary>
public sealed record PublicEndpointMetadata(string Reason);

/// <summary>
/// Endpoint metadata: the endpoint acts on data owned by another module, and that module's own policy checks the
/// permission per request (attachments: <c>identity.handling-units.read</c> for a handling unit's files). The caller must
/// be signed in; the handler refuses (403/404) what the owner refuses.
/// </summary>
public sealed record OwnerPermissionMetadata(string Reason);

public static class EndpointPermissionExtensions
{
    public const string PolicyPrefix = "perm:";

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PermissionMetadata(permission)).RequireAuthorization(PolicyPrefix + permission);

    /// <summary>The permission depends on the owner of the data and is checked by the owner's policy; signing in is required.</summary>
    public static TBuilder RequireOwnerPermission<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OwnerPermissionMetadata(reason)).RequireAuthorization();

    public static TBuilder AllowPublic<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicEndpointMetadata(reason)).AllowAnonymous();
}

internal sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

internal sealed class PermissionAuthorizationHandler(ICurrentUser currentUser) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (currentUser.HasPermission(requirement.Permission))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Builds a policy on demand for every <c>perm:</c> name, so endpoints need no policy registration;
/// each is built once and then served from a cache (the authorization middleware asks on every request).
/// </summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AuthorizationPolicy> _policies = new(StringComparer.Ordinal);

    public override Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(EndpointPermissionExtensions.PolicyPrefix, StringComparison.Ordinal))
        {
            var policy = _policies.GetOrAdd(policyName, static name => new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(name[EndpointPermissionExtensions.PolicyPrefix.Length..]))
                .Build());
            return Task.FromResult<AuthorizationPolicy?>(policy);
        }
        return base.GetPolicyAsync(policyName);
    }
}
