using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Users;

internal sealed class GetTenantRoleAccountsQueryHandler(IdentityDbContext db) : IRequestHandler<GetTenantRoleAccountsQuery, IReadOnlyList<TenantRoleAccountDto>>
{
    public async Task<IReadOnlyList<TenantRoleAccountDto>> Handle(GetTenantRoleAccountsQuery request, CancellationToken cancellationToken)
    {
        if (request.Roles.Count == 0)
        {
            return [];
        }
        // The seats of that one tenant (the caller checked it is in scope); roles are a comma-separated column, matched exactly here.
        var rows = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.TenantId == request.TenantId)
            .Join(db.Users.IgnoreQueryFilters().Where(u => u.Status == AccountStatus.Active), m => m.UserId, u => u.Id,
                (m, u) => new { u.Id, u.UserName, u.DisplayName, m.Roles })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new TenantRoleAccountDto(r.Id, r.UserName, r.DisplayName,
                r.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(request.Roles.Contains).ToList()))
            .Where(a => a.Roles.Count > 0)
            .OrderBy(a => a.DisplayName, StringComparer.Ordinal).ThenBy(a => a.UserName, StringComparer.Ordinal)
            .ToList();
    }
}
