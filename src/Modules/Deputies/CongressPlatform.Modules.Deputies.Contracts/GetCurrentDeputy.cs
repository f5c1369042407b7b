using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Contracts;

/// <summary>
/// The deputy whose account is the signed-in user's, with a seat in the active scope (as "my archive" finds it), or
/// null. Sent by modules that serve a deputy's own pages (Stations' "my duty").
/// </summary>
[NoPermissionRequired("Resolves only the caller's own deputy identity; the sending use case declares its own permission")]
public sealed record GetCurrentDeputyQuery : IQuery<CurrentDeputyDto?>;

public sealed record CurrentDeputyDto(Guid DeputyId, string Name);
