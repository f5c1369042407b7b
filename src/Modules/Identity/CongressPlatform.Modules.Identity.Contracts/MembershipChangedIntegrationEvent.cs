using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Contracts;

/// <summary>An administrator gave an account a membership in a tenant or changed its roles there.</summary>
public sealed record MembershipChangedIntegrationEvent(
    Guid UserId, Guid TenantId, string TenantName, IReadOnlyList<string> Roles, IReadOnlyList<string> PreviousRoles) : IntegrationEvent;
