using System.Security.Claims;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.SharedKernel;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.BuildingBlocks.Execution;

/// <summary>Who a piece of background work acts for: the user, their display name, their roles in the tenant.</summary>
public sealed record UserIdentity(Guid UserId, string DisplayName, Guid TenantId, IReadOnlyCollection<string> Roles);

public static class UserScope
{
    /// <summary>
    /// A DI scope acting as <paramref name="user"/> in their tenant, exactly as a request of theirs would: the same
    /// permissions (from the roles) and the same tenant filters (their tenant, its subtree when they supervise).
    /// Refused (403) when the tenant no longer exists or is disabled.
    /// </summary>
    public static async Task<IServiceScope> CreateUserScopeAsync(this IServiceScopeFactory factory, UserIdentity user, CancellationToken cancellationToken)
    {
        var scope = factory.CreateScope();
        try
        {
            var services = scope.ServiceProvider;
            var claims = new List<Claim>
            {
                new(ClaimNames.Subject, user.UserId.ToString()),
                new(ClaimNames.Name, user.DisplayName),
                new(ClaimNames.Tenant, user.TenantId.ToString()),
            };
            claims.AddRange(user.Roles.Select(r => new Claim(ClaimNames.Role, r)));
            var currentUser = services.GetRequiredService<CurrentUser>();
            currentUser.EnterUserScope(new ClaimsPrincipal(new ClaimsIdentity(claims, "background", ClaimNames.Name, ClaimNames.Role)));

            var tenant = await services.GetRequiredService<ITenantDirectory>().FindAsync(user.TenantId, cancellationToken);
            if (tenant is not { IsActive: true })
            {
                throw new ForbiddenException(TenantContext.UnknownTenantCode, TenantContext.UnknownTenantMessage());
            }
            services.GetRequiredService<TenantContext>().EnterFor(tenant, currentUser);
            return scope;
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }
}
