using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CongressPlatform.BuildingBlocks.Persistence;

/// <summary>
/// Stamps the active tenant on new tenant-owned rows, refuses any write outside the caller's
/// scope (including moving a row to another tenant), and renews concurrency tokens.
/// </summary>
internal sealed class TenantSaveInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ApplyAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await ApplyAsync(eventData.Context, cancellationToken);
        return result;
    }

    internal static async ValueTask ApplyAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not ModuleDbContext module)
        {
            return;
        }
        var scope = module.TenantScope;
        // Tenants created in this very save are not in the directory yet.
        var newNodes = module.ChangeTracker.Entries<ITenantNode>()
            .Where(e => e.State == EntityState.Added)
            .ToDictionary(e => e.Entity.Id, e => e.Entity.Path);
        foreach (var entry in module.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is ITenantOwned owned)
            {
                await CheckTenantAsync(entry, owned, scope, module.TenantDirectory, newNodes, cancellationToken);
            }
            if (entry is { State: EntityState.Modified, Entity: IVersioned versioned })
            {
                versioned.Version = Guid.CreateVersion7();
            }
        }
    }

    private static async ValueTask CheckTenantAsync(
        EntityEntry entry, ITenantOwned owned, Tenancy.ITenantContext scope, Tenancy.ITenantDirectory directory,
        Dictionary<Guid, string> newNodes, CancellationToken cancellationToken)
    {
        switch (entry.State)
        {
            case EntityState.Added:
                if (owned.TenantId == Guid.Empty)
                {
                    if (scope.IsSystem || !scope.IsResolved)
                    {
                        throw new InvalidOperationException(
                            $"A new {entry.Metadata.ClrType.Name} has no tenant, and this scope has no active tenant to stamp.");
                    }
                    owned.AssignTenant(scope.TenantId, scope.TenantPath);
                    break;
                }
                // A row naming its tenant must name it truly: the path is that tenant's path.
                var path = newNodes.TryGetValue(owned.TenantId, out var newPath)
                    ? newPath
                    : (await directory.FindAsync(owned.TenantId, cancellationToken))?.Path;
                if (path is null || path != owned.TenantPath || !scope.Covers(owned.TenantId, owned.TenantPath))
                {
                    throw ForbiddenException.OutsideScope();
                }
                break;
            case EntityState.Modified:
            case EntityState.Deleted:
                var tenantId = entry.Property(nameof(ITenantOwned.TenantId));
                var tenantPath = entry.Property(nameof(ITenantOwned.TenantPath));
                if (!Equals(tenantId.OriginalValue, tenantId.CurrentValue) || !Equals(tenantPath.OriginalValue, tenantPath.CurrentValue))
                {
                    throw ForbiddenException.OutsideScope();
                }
                if (!scope.Covers((Guid)tenantId.OriginalValue!, (string)tenantPath.OriginalValue!))
                {
                    throw ForbiddenException.OutsideScope();
                }
                break;
        }
    }
}
