using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Identity.Persistence;

/// <summary>Tenant look-ups for request resolution, cached briefly (30 s) and dropped on change.</summary>
internal sealed class TenantDirectory(IServiceScopeFactory scopes, IMemoryCache cache) : ITenantDirectory
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public Task<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(("tenant", id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await LoadAsync(t => t.Id == id, cancellationToken);
        });

    public async Task<TenantInfo?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        var id = await cache.GetOrCreateAsync(("tenant-code", code), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return (await LoadAsync(t => t.Code == code, cancellationToken))?.Id;
        });
        return id is { } found ? await FindAsync(found, cancellationToken) : null;
    }

    public void Invalidate(Guid id) => cache.Remove(("tenant", id));

    private async Task<TenantInfo?> LoadAsync(System.Linq.Expressions.Expression<Func<Domain.Tenant, bool>> predicate, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(predicate, cancellationToken);
        return tenant?.ToInfo();
    }
}
