using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.BuildingBlocks.Execution;

public static class SystemScope
{
    /// <summary>A DI scope acting as the system: no tenant filter, every permission. For jobs, the outbox, start-up work.</summary>
    public static IServiceScope CreateSystemScope(this IServiceScopeFactory factory)
    {
        var scope = factory.CreateScope();
        ((TenantContext)scope.ServiceProvider.GetRequiredService<ITenantContext>()).EnterSystemScope();
        ((CurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUser>()).EnterSystemScope();
        return scope;
    }
}
