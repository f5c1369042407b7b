namespace CongressPlatform.BuildingBlocks.Audit;

/// <summary>
/// An event for the audit log that is not a command (commands are recorded by the pipeline without a call):
/// a sign-in, a reveal of personal data, an export. Who, which tenant, the address and the user agent are taken
/// from the current scope unless given.
/// </summary>
/// <param name="Action">Stable key, <c>module.what</c> (<c>identity.sign_in.failed</c>, <c>deputies.export</c>).</param>
/// <param name="Succeeded">False for a failed or refused act (a wrong password).</param>
/// <param name="ErrorCode">Why it was refused, when it was.</param>
/// <param name="EntityType">The kind of object the event is about (<c>User</c>).</param>
/// <param name="EntityId">Its id.</param>
/// <param name="Detail">Free text for the auditor; never a secret.</param>
/// <param name="UserId">The account the event is about, when not the signed-in user (a failed sign-in).</param>
/// <param name="UserName">Its login as typed, with <paramref name="UserId"/>.</param>
/// <param name="TenantId">The tenant the act happened in, when not the active one; its path and name are looked up.</param>
/// <param name="ClientId">The OpenID client, for sign-ins and tokens.</param>
/// <param name="ActorId">Who acted, when not <paramref name="UserId"/>; by default the signed-in user when that is someone else.</param>
public sealed record AuditRecord(
    string Action,
    bool Succeeded = true,
    string? ErrorCode = null,
    string? EntityType = null,
    string? EntityId = null,
    string? Detail = null,
    Guid? UserId = null,
    string? UserName = null,
    Guid? TenantId = null,
    string? ClientId = null,
    Guid? ActorId = null);

/// <summary>Appends to the platform audit log (ADR 0019). Scoped: who acts is read from the caller's scope.</summary>
public interface IAuditLog
{
    /// <summary>
    /// Writes the entry in its own transaction before returning, whatever becomes of the caller's unit of work; a
    /// failure to write is logged and thrown. Written even if <paramref name="cancellationToken"/> fires meanwhile.
    /// Returns the entry's sequence number in the chain.
    /// </summary>
    Task<long> RecordAsync(AuditRecord record, CancellationToken cancellationToken);
}
