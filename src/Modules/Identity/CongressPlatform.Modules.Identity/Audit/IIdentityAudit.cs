using CongressPlatform.Modules.Identity.Contracts;

namespace CongressPlatform.Modules.Identity.Audit;

/// <summary>What happened, to whom, by whom. The request's IP address and user agent are added by the audit.</summary>
/// <param name="Kind">One of <see cref="IdentityAuditKinds"/>.</param>
/// <param name="Success">Whether the act succeeded (a failed sign-in is recorded with <c>false</c>).</param>
/// <param name="UserId">The account the event is about, when known.</param>
/// <param name="UserName">The account's login; for a failure, the name as typed. Never a password.</param>
/// <param name="ActorId">Who did it, when an administrator acts on someone else's account.</param>
/// <param name="TenantId">The tenant the act happened in; none for acts outside any tenant (a failed sign-in).</param>
/// <param name="ClientId">The OpenID client, for sign-ins and tokens.</param>
/// <param name="Detail">Free text in Chinese or English; never a secret (no password, token or code).</param>
internal sealed record IdentityAuditRecord(
    string Kind,
    bool Success,
    Guid? UserId = null,
    string? UserName = null,
    Guid? ActorId = null,
    Guid? TenantId = null,
    string? ClientId = null,
    string? Detail = null);

/// <summary>
/// Appends to the identity audit log. The entry is saved at once, in a scope of its own, whatever
/// becomes of the caller's unit of work: a failed sign-in is recorded although nothing else is saved.
/// </summary>
internal interface IIdentityAudit
{
    /// <summary>
    /// Saves the entry before returning; a failure to save is thrown, never swallowed. The entry is written
    /// even if <paramref name="cancellationToken"/> fires meanwhile: an act that happened is recorded although
    /// its caller has gone away.
    /// </summary>
    Task RecordAsync(IdentityAuditRecord record, CancellationToken cancellationToken);
}
