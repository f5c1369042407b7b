using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Users;

internal sealed class GetUserContactsQueryHandler(IdentityDbContext db) : IRequestHandler<GetUserContactsQuery, IReadOnlyList<UserContactDto>>
{
    public async Task<IReadOnlyList<UserContactDto>> Handle(GetUserContactsQuery request, CancellationToken cancellationToken)
    {
        var ids = request.UserIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        return await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new UserContactDto(u.Id, u.DisplayName, u.Email, u.Status == AccountStatus.Active))
            .ToListAsync(cancellationToken);
    }
}
