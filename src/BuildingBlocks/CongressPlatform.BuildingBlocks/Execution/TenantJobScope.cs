using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.BuildingBlocks.Execution;

/// <summary>Recurring work that runs once per tenant, each tenant in a scope and unit of work of its own.</summary>
public static class TenantJobScope
{
    /// <summary>A DI scope acting as the system inside one tenant: every permission, that tenant's filters only.</summary>
    public static IServiceScope CreateTenantSystemScope(this IServiceScopeFactory factory, TenantInfo tenant)
    {
        var scope = factory.CreateScope();
        ((TenantContext)scope.ServiceProvider.GetRequiredService<ITenantContext>()).SetTenant(tenant, supervisesSubtree: false);
        ((CurrentUser)scope.ServiceProvider.GetRequiredService<ICurrentUser>()).EnterSystemScope();
        return scope;
    }

    /// <summary>
    /// Runs <paramref name="work"/> for every active tenant of <paramref name="tenantIds"/> in its own scope, and adds up
    /// what each returns. One tenant's failure is logged and does not stop (or undo) the others; when any failed, the run
    /// ends with an <see cref="AggregateException"/> so the scheduler records the job as failed.
    /// </summary>
    public static async Task<int> ForEachTenantAsync(
        this IServiceScopeFactory factory, ITenantDirectory tenants, IEnumerable<Guid> tenantIds, Func<IServiceProvider, Task<int>> work,
        ILogger logger, string job, CancellationToken cancellationToken)
    {
        var total = 0;
        List<Exception> failures = [];
        foreach (var tenantId in tenantIds)
        {
            var tenant = await tenants.FindAsync(tenantId, cancellationToken);
            if (tenant is not { IsActive: true })
            {
                continue;
            }
            using var scope = factory.CreateTenantSystemScope(tenant);
            try
            {
                total += await work(scope.ServiceProvider);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Job} failed for tenant {TenantId}", job, tenantId);
                failures.Add(e);
            }
        }
        if (failures.Count > 0)
        {
            throw new AggregateException($"{job} failed for {failures.Count} tenant(s).", failures);
        }
        return total;
    }
}
