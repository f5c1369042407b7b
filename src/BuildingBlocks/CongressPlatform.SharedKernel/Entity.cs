namespace CongressPlatform.SharedKernel;

/// <summary>Base of every persisted entity: an application-generated, time-ordered key.</summary>
public abstract class Entity
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
}

/// <summary>An entity with an application-managed optimistic concurrency token, renewed on every save.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

/// <summary>
/// A row that belongs to one tenant. <see cref="TenantPath"/> is the tenant's path in the tree
/// (<c>/district/street/</c>) so that a supervisor can read a whole subtree with one prefix test.
/// The tenant is stamped by the persistence layer on insert and may never change afterwards.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
    string TenantPath { get; }
    void AssignTenant(Guid tenantId, string tenantPath);
}

/// <summary>Base class for aggregates owned by a tenant.</summary>
public abstract class TenantOwnedEntity : Entity, ITenantOwned, IVersioned
{
    public Guid TenantId { get; private set; }
    public string TenantPath { get; private set; } = string.Empty;
    public Guid Version { get; set; } = Guid.CreateVersion7();

    void ITenantOwned.AssignTenant(Guid tenantId, string tenantPath)
    {
        if (TenantId != Guid.Empty && TenantId != tenantId)
        {
            throw new InvalidOperationException("The tenant of a row cannot change.");
        }
        TenantId = tenantId;
        TenantPath = tenantPath;
    }
}

/// <summary>
/// A node of the tenant tree itself. Lets the persistence layer accept rows assigned to a tenant
/// that is created in the same save, before any directory could know it.
/// </summary>
public interface ITenantNode
{
    Guid Id { get; }
    string Path { get; }
}
