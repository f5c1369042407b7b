namespace CongressPlatform.Modules.Identity.Features.Audit;

/// <summary>One entry of the identity audit log as the audit administrator reads it. <c>Outcome</c> is <c>success</c> or <c>failure</c>.</summary>
public sealed record AuditEntryDto(
    Guid Id, DateTime OccurredAtUtc, string Kind, string Outcome, Guid? UserId, string? UserName, Guid? ActorId,
    Guid? TenantId, string? TenantName, string? ClientId, string? IpAddress, string? UserAgent, string? Detail);
