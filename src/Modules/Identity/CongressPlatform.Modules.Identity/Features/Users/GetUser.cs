using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.Modules.Identity.Features.Users;

/// <summary>One account, if it holds a membership in the caller's scope; otherwise "not found".</summary>
[RequiresPermission(IdentityPermissions.UsersRead)]
public sealed record GetUserQuery(Guid Id) : IQuery<UserDto>;

internal sealed class GetUserQueryHandler(IdentityDbContext db, TimeProvider clock) : IRequestHandler<GetUserQuery, UserDto>
{
    public async Task<UserDto> Handle(GetUserQuery request, CancellationToken cancellationToken)
    {
        var views = await UserAdministrationRules.ViewsAsync(db, [request.Id], clock.GetUtcNow().UtcDateTime, cancellationToken);
        // An account without a visible membership is not the caller's to see.
        return views.SingleOrDefault(v => v.Memberships.Count > 0) ?? throw NotFoundException.For("用户", "user");
    }
}
