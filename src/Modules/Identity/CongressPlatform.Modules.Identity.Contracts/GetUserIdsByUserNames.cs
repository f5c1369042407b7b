using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Contracts;

/// <summary>The ids of the accounts with the given user names (case-insensitive); names without an account are left out.</summary>
[NoPermissionRequired("Sent from code (a module's demo data, which runs at start-up in the system scope)")]
public sealed record GetUserIdsByUserNamesQuery(IReadOnlyCollection<string> UserNames) : IQuery<IReadOnlyList<UserIdDto>>;

public sealed record UserIdDto(string UserName, Guid UserId);
