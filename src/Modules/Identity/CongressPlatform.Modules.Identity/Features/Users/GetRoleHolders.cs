using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Users;

internal sealed class GetRoleHoldersQueryHandler(IdentityDbContext db) : IRequestHandler<GetRoleHoldersQuery, IReadOnlyList<RoleHolderDto>>
{
    public async Task<IReadOnlyList<RoleHolderDto>> Handle(GetRoleHoldersQuery request, CancellationToken cancellationToken)
    {
        // Every tenant's seats, whatever the caller's scope: the question is about the whole platform. Roles are a
        // comma-separated column: narrowed in the database, matched exactly here.
        var seats = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Roles.Contains(request.Role))
            .Join(db.Users.Where(u => u.Status == AccountStatus.Active), m => m.UserId, u => u.Id, (m, _) => m)
            .ToListAsync(cancellationToken);
        return seats.Where(m => m.RoleList.Contains(request.Role, StringComparer.Ordinal))
            .Select(m => new RoleHolderDto(m.UserId, m.TenantId))
            .ToList();
    }
}
