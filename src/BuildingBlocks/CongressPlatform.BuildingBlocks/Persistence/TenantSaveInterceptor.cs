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
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    internal static void Apply(DbContext? context)
    {
        if (context is not ModuleDbContext module)
        {
            return;
        }
        var scope = module.TenantScope;
        foreach (var entry in module.ChangeTracker.Entries())
        {
            if (entry.Entity is ITenantOwned owned)
            {
                CheckTenant(entry, owned, scope);
            }
            if (entry is { State: EntityState.Modified, Entity: IVersioned versioned })
            {
                versioned.Version = Guid.CreateVersion7();
            }
        }
    }

    private static void CheckTenant(EntityEntry entry, ITenantOwned owned, Tenancy.ITenantContext scope)
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
                }
                else if (!scope.Covers(owned.TenantId, owned.TenantPath))
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
