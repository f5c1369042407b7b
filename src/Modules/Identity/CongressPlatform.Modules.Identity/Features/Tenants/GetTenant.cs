using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Tenants;

[RequiresPermission(IdentityPermissions.TenantsRead)]
public sealed record GetTenantQuery(Guid Id) : IQuery<TenantDto>;

internal sealed class GetTenantQueryHandler(IdentityDbContext db) : IRequestHandler<GetTenantQuery, TenantDto>
{
    public async Task<TenantDto> Handle(GetTenantQuery request, CancellationToken cancellationToken) =>
        await db.Tenants.AsNoTracking()
            .Where(t => t.Id == request.Id)
            .Select(t => new TenantDto(t.Id, t.Code, t.Name, t.Kind, t.ParentId, t.Path, t.Depth, t.IsActive, t.Version))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("单位", "organisation");
}
