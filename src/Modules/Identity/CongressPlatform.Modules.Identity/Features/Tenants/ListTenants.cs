using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Tenants;

/// <summary>The tenants the caller may see, ordered as a tree (by path): its own, and its subtree when it supervises.</summary>
[RequiresPermission(IdentityPermissions.TenantsRead)]
public sealed record ListTenantsQuery : IQuery<IReadOnlyList<TenantDto>>;

internal sealed class ListTenantsQueryHandler(IdentityDbContext db) : IRequestHandler<ListTenantsQuery, IReadOnlyList<TenantDto>>
{
    public async Task<IReadOnlyList<TenantDto>> Handle(ListTenantsQuery request, CancellationToken cancellationToken) =>
        await db.Tenants.AsNoTracking()
            .OrderBy(t => t.Path)
            .Select(t => new TenantDto(t.Id, t.Code, t.Name, t.Kind, t.ParentId, t.Path, t.Depth, t.IsActive, t.Version))
            .ToListAsync(cancellationToken);
}
