using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Users;

internal sealed class GetUserIdsByUserNamesQueryHandler(IdentityDbContext db) : IRequestHandler<GetUserIdsByUserNamesQuery, IReadOnlyList<UserIdDto>>
{
    public async Task<IReadOnlyList<UserIdDto>> Handle(GetUserIdsByUserNamesQuery request, CancellationToken cancellationToken)
    {
        var normalized = request.UserNames.Select(n => n.Trim().ToUpperInvariant()).Distinct().ToList();
        if (normalized.Count == 0)
        {
            return [];
        }
        return await db.Users.AsNoTracking()
            .Where(u => normalized.Contains(u.NormalizedUserName))
            .Select(u => new UserIdDto(u.UserName, u.Id))
            .ToListAsync(cancellationToken);
    }
}
