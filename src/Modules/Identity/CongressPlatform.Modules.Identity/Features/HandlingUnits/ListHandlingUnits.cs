using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.HandlingUnits;

/// <summary>
/// Handling units of the active tenant (of its subtree for a supervisor), optionally narrowed to one
/// tenant, searched by name, a page at a time, ordered by tenant then name.
/// </summary>
[RequiresPermission(IdentityPermissions.HandlingUnitsRead)]
public sealed record ListHandlingUnitsQuery(Guid? TenantId, string? Search, bool IncludeInactive, int? Page, int? PageSize)
    : IQuery<PagedResult<HandlingUnitDto>>;

internal sealed class ListHandlingUnitsQueryValidator : AbstractValidator<ListHandlingUnitsQuery>
{
    public ListHandlingUnitsQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(50);
        RuleFor(q => q.Page).GreaterThan(0).When(q => q.Page.HasValue);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).When(q => q.PageSize.HasValue);
    }
}

internal sealed class ListHandlingUnitsQueryHandler(IdentityDbContext db)
    : IRequestHandler<ListHandlingUnitsQuery, PagedResult<HandlingUnitDto>>
{
    public async Task<PagedResult<HandlingUnitDto>> Handle(ListHandlingUnitsQuery request, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(request.Page, request.PageSize);
        var units = db.HandlingUnits.AsNoTracking();
        if (request.TenantId is { } tenantId)
        {
            units = units.Where(u => u.TenantId == tenantId);
        }
        if (!request.IncludeInactive)
        {
            units = units.Where(u => u.IsActive);
        }
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var search = request.Search.Trim();
            units = units.Where(u => u.Name.Contains(search));
        }

        var total = await units.CountAsync(cancellationToken);
        var items = await units
            .Join(db.Tenants, u => u.TenantId, t => t.Id, (u, t) => new { u, t })
            .OrderBy(x => x.t.Path).ThenBy(x => x.u.Name).ThenBy(x => x.u.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(x => new HandlingUnitDto(x.u.Id, x.u.TenantId, x.t.Name, x.u.Name, x.u.Kind, x.u.ContactName, x.u.ContactPhone, x.u.IsActive, x.u.Version))
            .ToListAsync(cancellationToken);
        return new PagedResult<HandlingUnitDto>(items, total, page, size);
    }
}
