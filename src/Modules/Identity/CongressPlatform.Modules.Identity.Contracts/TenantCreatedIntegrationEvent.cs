using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Contracts;

/// <summary>A street, township or district joined the platform. Kind: District, Street or Township.</summary>
public sealed record TenantCreatedIntegrationEvent(
    Guid TenantId, string Code, string Name, string Kind, string Path, Guid? ParentId) : IntegrationEvent;
