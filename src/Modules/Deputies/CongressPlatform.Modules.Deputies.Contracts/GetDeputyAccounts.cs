using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Contracts;

/// <summary>
/// The sign-in accounts of the given deputies, for notifying them (a duty reminder, a decided swap). Deputies without
/// an account and unknown ids are left out.
/// </summary>
[NoPermissionRequired("Sent by modules that notify deputies; returns account ids only")]
public sealed record GetDeputyAccountsQuery(IReadOnlyCollection<Guid> DeputyIds) : IQuery<IReadOnlyList<DeputyAccountDto>>;

public sealed record DeputyAccountDto(Guid DeputyId, Guid UserId);
