using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Identity.Contracts;

/// <summary>
/// Names and e-mail addresses of the given accounts, for modules that write to people (notifications). Accounts
/// that do not exist are left out.
/// </summary>
[NoPermissionRequired("Sent from code (the notification delivery job) that has authorised its own entry point")]
public sealed record GetUserContactsQuery(IReadOnlyCollection<Guid> UserIds) : IQuery<IReadOnlyList<UserContactDto>>;

public sealed record UserContactDto(Guid UserId, string DisplayName, string? Email, bool IsActive);
