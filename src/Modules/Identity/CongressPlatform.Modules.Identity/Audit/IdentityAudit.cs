using CongressPlatform.BuildingBlocks.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Identity.Audit;

/// <summary>
/// Appends identity events to the platform audit log (ADR 0019), as actions <c>identity.&lt;kind&gt;</c>, so the auditor
/// searches one hash-chained log. The platform log writes each entry in its own transaction, whatever becomes of the
/// caller's unit of work (a failed sign-in is recorded although nothing else is saved).
/// </summary>
internal sealed class IdentityAudit(IServiceScopeFactory scopes) : IIdentityAudit
{
    public const string ActionPrefix = "identity.";

    public async Task RecordAsync(IdentityAuditRecord record, CancellationToken cancellationToken)
    {
        var entry = ToRecord(record);
        // A scope of its own: this writer is a singleton. The signed-in user and the request's address are read from the
        // current HTTP request; the tenant is the record's.
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(entry, cancellationToken);
    }

    /// <summary>The platform record of an identity event. The kind must be one of <see cref="IdentityAuditKinds"/> (a typo is a programming error).</summary>
    public static AuditRecord ToRecord(IdentityAuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!IdentityAuditKinds.IsKnown(record.Kind))
        {
            throw new ArgumentException($"'{record.Kind}' is not one of IdentityAuditKinds.", nameof(record));
        }
        return new AuditRecord(
            ActionPrefix + record.Kind, record.Success,
            EntityType: record.UserId is null ? null : "UserAccount", EntityId: record.UserId?.ToString(),
            Detail: record.Detail, UserId: record.UserId, UserName: record.UserName, TenantId: record.TenantId,
            ClientId: record.ClientId, ActorId: record.ActorId);
    }
}
