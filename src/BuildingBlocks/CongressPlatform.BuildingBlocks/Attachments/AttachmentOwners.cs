using System.Text.RegularExpressions;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.BuildingBlocks.Attachments;

public enum AttachmentAccess
{
    Read,
    Write,
}

public enum AttachmentOwnerOutcome
{
    /// <summary>The owner does not exist, or the caller may not see it (another tenant): 404, as for any row.</summary>
    NotFound,

    /// <summary>The caller sees the owner but lacks the permission: 403.</summary>
    Forbidden,

    Allowed,
}

/// <summary>The owner's answer: whether the caller may read or write its attachments, and the owner's tenant (the rows' tenant).</summary>
public sealed record AttachmentOwnerDecision(AttachmentOwnerOutcome Outcome, Guid TenantId, string? MissingPermission = null)
{
    public static AttachmentOwnerDecision NotFound { get; } = new(AttachmentOwnerOutcome.NotFound, Guid.Empty);

    public static AttachmentOwnerDecision Forbidden(string permission) => new(AttachmentOwnerOutcome.Forbidden, Guid.Empty, permission);

    public static AttachmentOwnerDecision Allow(Guid ownerTenantId) => new(AttachmentOwnerOutcome.Allowed, ownerTenantId);
}

/// <summary>
/// Registered by the module that owns an aggregate: decides who may read and write the attachments of one of its
/// aggregates (ARCHITECTURE rule 1: the module keeps control of access; the attachments service only asks). Scoped:
/// it may use the module's DbContext, whose tenant filters hide other tenants' owners.
/// </summary>
public interface IAttachmentOwnerPolicy
{
    /// <summary>The owning module (<c>identity</c>).</summary>
    string OwnerModule { get; }

    /// <summary>The owner type in routes and rows, kebab-case plural and unique across modules (<c>handling-units</c>).</summary>
    string OwnerType { get; }

    Task<AttachmentOwnerDecision> DecideAsync(Guid ownerId, AttachmentAccess access, CancellationToken cancellationToken);
}

/// <summary>The owner types registered, known without a scope (start-up checks, docs).</summary>
public sealed record AttachmentOwnerRegistration(string Module, string OwnerType);

public static partial class AttachmentOwnerRegistrations
{
    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex OwnerTypePattern();

    /// <summary>
    /// The one call a module makes to let its aggregates carry attachments: who may read and who may write them
    /// (its own permissions), and how to find an owner's tenant through its own DbContext — whose tenant filters make
    /// another tenant's owner invisible, so its attachments are a 404 there. Example (Identity):
    /// <code>
    /// services.AddAttachmentOwner&lt;IdentityDbContext&gt;("identity", "handling-units",
    ///     IdentityPermissions.HandlingUnitsRead, IdentityPermissions.HandlingUnitsUpdate,
    ///     (db, id, ct) =&gt; db.HandlingUnits.Where(u =&gt; u.Id == id).Select(u =&gt; (Guid?)u.TenantId).SingleOrDefaultAsync(ct));
    /// </code>
    /// </summary>
    public static IServiceCollection AddAttachmentOwner<TDbContext>(this IServiceCollection services, string module, string ownerType,
        string readPermission, string writePermission, Func<TDbContext, Guid, CancellationToken, Task<Guid?>> findOwnerTenant)
        where TDbContext : ModuleDbContext
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(readPermission);
        ArgumentException.ThrowIfNullOrWhiteSpace(writePermission);
        ArgumentNullException.ThrowIfNull(findOwnerTenant);
        Register(services, module, ownerType);
        services.AddScoped<IAttachmentOwnerPolicy>(p => new PermissionOwnerPolicy<TDbContext>(
            module, ownerType, readPermission, writePermission, findOwnerTenant,
            p.GetRequiredService<TDbContext>(), p.GetRequiredService<ICurrentUser>()));
        return services;
    }

    /// <summary>For rules beyond one permission each way (only the assigned unit may answer): a policy class of the module's own.</summary>
    public static IServiceCollection AddAttachmentOwner<TPolicy>(this IServiceCollection services, string module, string ownerType)
        where TPolicy : class, IAttachmentOwnerPolicy
    {
        Register(services, module, ownerType);
        services.AddScoped<IAttachmentOwnerPolicy, TPolicy>();
        return services;
    }

    private static void Register(IServiceCollection services, string module, string ownerType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        if (!OwnerTypePattern().IsMatch(ownerType ?? string.Empty) || ownerType!.Length > 50)
        {
            throw new ArgumentException($"Attachment owner type '{ownerType}' must be kebab-case, at most 50 characters.", nameof(ownerType));
        }
        if (services.Any(d => d.ImplementationInstance is AttachmentOwnerRegistration r && r.OwnerType == ownerType))
        {
            throw new InvalidOperationException($"Attachment owner type '{ownerType}' is registered twice.");
        }
        services.AddSingleton(new AttachmentOwnerRegistration(module, ownerType));
    }

    private sealed class PermissionOwnerPolicy<TDbContext>(
        string module, string ownerType, string readPermission, string writePermission,
        Func<TDbContext, Guid, CancellationToken, Task<Guid?>> findOwnerTenant, TDbContext db, ICurrentUser user)
        : IAttachmentOwnerPolicy
        where TDbContext : ModuleDbContext
    {
        public string OwnerModule => module;

        public string OwnerType => ownerType;

        public async Task<AttachmentOwnerDecision> DecideAsync(Guid ownerId, AttachmentAccess access, CancellationToken cancellationToken)
        {
            var permission = access == AttachmentAccess.Read ? readPermission : writePermission;
            if (!user.HasPermission(permission))
            {
                return AttachmentOwnerDecision.Forbidden(permission);
            }
            var tenant = await findOwnerTenant(db, ownerId, cancellationToken);
            return tenant is { } id ? AttachmentOwnerDecision.Allow(id) : AttachmentOwnerDecision.NotFound;
        }
    }
}

/// <summary>Finds the owner's policy and turns its decision into the platform's errors.</summary>
internal sealed class AttachmentAccessGuard(IEnumerable<IAttachmentOwnerPolicy> policies)
{
    public async Task<(IAttachmentOwnerPolicy Policy, Guid TenantId)> RequireAsync(
        string ownerType, Guid ownerId, AttachmentAccess access, CancellationToken cancellationToken)
    {
        var policy = policies.FirstOrDefault(p => p.OwnerType == ownerType)
            ?? throw new NotFoundException("attachment.unknown_owner_type", Text.Of(
                $"不存在“{ownerType}”类型的附件归属对象。", $"There is no attachment owner type '{ownerType}'."));
        var decision = await policy.DecideAsync(ownerId, access, cancellationToken);
        return decision.Outcome switch
        {
            AttachmentOwnerOutcome.Allowed => (policy, decision.TenantId),
            AttachmentOwnerOutcome.Forbidden => throw new ForbiddenException("permission.denied", Text.Of(
                $"您没有{(access == AttachmentAccess.Read ? "查看" : "上传或删除")}这些附件的权限({decision.MissingPermission})。",
                $"You may not {(access == AttachmentAccess.Read ? "read" : "change")} these attachments ('{decision.MissingPermission}').")),
            _ => throw NotFoundException.For("附件所属的对象", "attachments' owner"),
        };
    }
}
