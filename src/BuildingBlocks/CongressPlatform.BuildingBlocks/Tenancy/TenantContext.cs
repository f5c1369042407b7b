using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.BuildingBlocks.Tenancy;

public enum TenantKind
{
    District = 0,
    Street = 1,
    Township = 2,
}

/// <summary>What the platform knows of a tenant when it resolves a request to it.</summary>
public sealed record TenantInfo(Guid Id, string Code, string Name, TenantKind Kind, string Path, Guid? ParentId, bool IsActive);

/// <summary>Looks tenants up by id or code. Implemented by the module that owns the tenant tree.</summary>
public interface ITenantDirectory
{
    Task<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken);
    Task<TenantInfo?> FindByCodeAsync(string code, CancellationToken cancellationToken);
    void Invalidate(Guid id);
}

/// <summary>
/// The active tenant of this unit of work, resolved once per request from the signed-in user
/// (or set explicitly for a job). Read by the DbContext's query filters and save interceptor;
/// handlers never filter by tenant themselves.
/// </summary>
public interface ITenantContext
{
    bool IsResolved { get; }
    bool IsSystem { get; }
    Guid TenantId { get; }
    string TenantPath { get; }
    string TenantName { get; }
    /// <summary>True when the caller supervises the active tenant's subtree (a role held at the parent).</summary>
    bool SupervisesSubtree { get; }

    /// <summary>Whether a row of the given tenant may be read or written in this scope.</summary>
    bool Covers(Guid tenantId, string tenantPath);
}

public sealed class TenantContext : ITenantContext
{
    public bool IsResolved { get; private set; }
    public bool IsSystem { get; private set; }
    public Guid TenantId { get; private set; }
    public string TenantPath { get; private set; } = string.Empty;
    public string TenantName { get; private set; } = string.Empty;
    public bool SupervisesSubtree { get; private set; }

    /// <summary>The refusal when a user's active tenant does not exist or is disabled (a request, or work done for them).</summary>
    public const string UnknownTenantCode = "tenant.unknown";

    public static string UnknownTenantMessage() =>
        Text.Of("当前单位不存在或已停用。", "The active organisation does not exist or is disabled.");

    /// <summary>Enters the tenant a user acts in, with its subtree when the user supervises (a request, or work done for them).</summary>
    public void EnterFor(TenantInfo tenant, ICurrentUser user) => SetTenant(tenant, user.HasPermission(PlatformPermissions.SuperviseSubtree));

    public void SetTenant(TenantInfo tenant, bool supervisesSubtree)
    {
        if (IsResolved && TenantId != tenant.Id)
        {
            throw new InvalidOperationException("The tenant of a scope is resolved once and cannot change.");
        }
        TenantId = tenant.Id;
        TenantPath = tenant.Path;
        TenantName = tenant.Name;
        SupervisesSubtree = supervisesSubtree;
        IsResolved = true;
    }

    /// <summary>For jobs and the outbox: no tenant filter, every write must carry its tenant explicitly.</summary>
    public void EnterSystemScope()
    {
        if (IsResolved && !IsSystem)
        {
            throw new InvalidOperationException("A tenant scope cannot become a system scope.");
        }
        IsSystem = true;
        IsResolved = true;
    }

    public bool Covers(Guid tenantId, string tenantPath)
    {
        if (IsSystem)
        {
            return true;
        }
        if (!IsResolved)
        {
            return false;
        }
        return tenantId == TenantId
            || (SupervisesSubtree && tenantPath.StartsWith(TenantPath, StringComparison.Ordinal));
    }
}
