using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CongressPlatform.BuildingBlocks.Web;

/// <summary>Ready when every module's database answers and has no pending migration.</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, ModuleDbContextRegistry contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        foreach (var registration in contexts.All)
        {
            using var scope = scopes.CreateSystemScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy($"Database of module '{registration.Schema}' does not answer.");
            }
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                return HealthCheckResult.Unhealthy($"Module '{registration.Schema}' has pending migrations.");
            }
        }
        return HealthCheckResult.Healthy();
    }
}
