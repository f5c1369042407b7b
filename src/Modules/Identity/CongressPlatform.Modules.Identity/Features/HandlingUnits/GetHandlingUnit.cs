using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.HandlingUnits;

[RequiresPermission(IdentityPermissions.HandlingUnitsRead)]
public sealed record GetHandlingUnitQuery(Guid Id) : IQuery<HandlingUnitDto>;

internal sealed class GetHandlingUnitQueryHandler(IdentityDbContext db) : IRequestHandler<GetHandlingUnitQuery, HandlingUnitDto>
{
    public async Task<HandlingUnitDto> Handle(GetHandlingUnitQuery request, CancellationToken cancellationToken) =>
        await db.HandlingUnits.AsNoTracking()
            .Where(u => u.Id == request.Id)
            .Join(db.Tenants.IgnoreQueryFilters([IdentityDbContext.TenantFilter]), u => u.TenantId, t => t.Id, (u, t) =>
                new HandlingUnitDto(u.Id, u.TenantId, t.Name, u.Name, u.Kind, u.ContactName, u.ContactPhone, u.IsActive, u.Version))
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw NotFoundException.For("承办单位", "handling unit");
}
