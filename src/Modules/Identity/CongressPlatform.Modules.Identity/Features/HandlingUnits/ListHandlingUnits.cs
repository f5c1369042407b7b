using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
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
        var units = Visible(db, request.TenantId, request.Search, request.IncludeInactive);
        var total = await units.CountAsync(cancellationToken);
        var items = await InListOrder(db, units).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedResult<HandlingUnitDto>(items, total, page, size);
    }

    /// <summary>The units of the list (and its export): the tenant filters decide, then the list's own filters.</summary>
    public static IQueryable<HandlingUnit> Visible(IdentityDbContext db, Guid? tenantId, string? search, bool includeInactive)
    {
        var units = db.HandlingUnits.AsNoTracking();
        if (tenantId is { } id)
        {
            units = units.Where(u => u.TenantId == id);
        }
        if (!includeInactive)
        {
            units = units.Where(u => u.IsActive);
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var trimmed = search.Trim();
            units = units.Where(u => u.Name.Contains(trimmed));
        }
        return units;
    }

    /// <summary>With their tenant's name, in the list's order: tenant (by its place in the tree), name, id.</summary>
    public static IQueryable<HandlingUnitDto> InListOrder(IdentityDbContext db, IQueryable<HandlingUnit> units) =>
        units.Join(db.Tenants, u => u.TenantId, t => t.Id, (u, t) => new { u, t })
            .OrderBy(x => x.t.Path).ThenBy(x => x.u.Name).ThenBy(x => x.u.Id)
            .Select(x => new HandlingUnitDto(x.u.Id, x.u.TenantId, x.t.Name, x.u.Name, x.u.Kind, x.u.ContactName, x.u.ContactPhone, x.u.IsActive, x.u.Version));
}
