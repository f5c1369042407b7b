using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.HandlingUnits;

public sealed record HandlingUnitOfficerDto(Guid UserId, string UserName, string DisplayName);

/// <summary>The officers of a handling unit: the users who see and answer what is referred to it.</summary>
[RequiresPermission(IdentityPermissions.HandlingUnitsRead)]
public sealed record ListHandlingUnitOfficersQuery(Guid HandlingUnitId) : IQuery<IReadOnlyList<HandlingUnitOfficerDto>>;

internal sealed class ListHandlingUnitOfficersQueryHandler(IdentityDbContext db)
    : IRequestHandler<ListHandlingUnitOfficersQuery, IReadOnlyList<HandlingUnitOfficerDto>>
{
    public async Task<IReadOnlyList<HandlingUnitOfficerDto>> Handle(ListHandlingUnitOfficersQuery request, CancellationToken cancellationToken)
    {
        if (!await db.HandlingUnits.AnyAsync(u => u.Id == request.HandlingUnitId, cancellationToken))
        {
            throw NotFoundException.For("承办单位", "handling unit");
        }
        var userIds = await db.HandlingUnitOfficers.AsNoTracking().Where(o => o.HandlingUnitId == request.HandlingUnitId)
            .Select(o => o.UserId).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(cancellationToken);
        return users.OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u => new HandlingUnitOfficerDto(u.Id, u.UserName, u.DisplayName)).ToList();
    }
}

/// <summary>
/// Sets a handling unit's officers: each must hold the unit-officer role in the unit's tenant. The list replaces the
/// previous one.
/// </summary>
[RequiresPermission(IdentityPermissions.HandlingUnitsUpdate)]
public sealed record SetHandlingUnitOfficersCommand(Guid HandlingUnitId, IReadOnlyList<Guid> UserIds) : ICommand<IReadOnlyList<HandlingUnitOfficerDto>>;

public sealed record SetHandlingUnitOfficersBody(IReadOnlyList<Guid> UserIds)
{
    public SetHandlingUnitOfficersCommand ToCommand(Guid id) => new(id, UserIds);
}

internal sealed class SetHandlingUnitOfficersCommandValidator : AbstractValidator<SetHandlingUnitOfficersCommand>
{
    public SetHandlingUnitOfficersCommandValidator() => RuleFor(c => c.UserIds).NotNull().Must(ids => ids.Count <= 50);
}

internal sealed class SetHandlingUnitOfficersCommandHandler(IdentityDbContext db, IMediator mediator, TimeProvider clock)
    : IRequestHandler<SetHandlingUnitOfficersCommand, IReadOnlyList<HandlingUnitOfficerDto>>
{
    public async Task<IReadOnlyList<HandlingUnitOfficerDto>> Handle(SetHandlingUnitOfficersCommand request, CancellationToken cancellationToken)
    {
        var unit = await db.HandlingUnits.SingleOrDefaultAsync(u => u.Id == request.HandlingUnitId, cancellationToken)
            ?? throw NotFoundException.For("承办单位", "handling unit");
        var wanted = request.UserIds.Distinct().ToList();
        var seats = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.TenantId == unit.TenantId && wanted.Contains(m.UserId))
            .ToListAsync(cancellationToken);
        var officers = seats.Where(m => m.RoleList.Contains(Roles.UnitOfficer)).Select(m => m.UserId).ToHashSet();
        if (!wanted.All(officers.Contains))
        {
            throw new BusinessRuleException("handling_unit.not_officer", Text.Of(
                "只能指定在承办单位所属单位中担任“承办单位人员”角色的用户。",
                "Only users holding the unit-officer role in the unit's organisation can be its officers."));
        }
        var current = await db.HandlingUnitOfficers.Where(o => o.HandlingUnitId == unit.Id).ToListAsync(cancellationToken);
        db.HandlingUnitOfficers.RemoveRange(current.Where(o => !wanted.Contains(o.UserId)));
        foreach (var userId in wanted.Where(id => current.All(o => o.UserId != id)))
        {
            var officer = new HandlingUnitOfficer(unit.Id, userId, clock.GetUtcNow().UtcDateTime);
            ((ITenantOwned)officer).AssignTenant(unit.TenantId, unit.TenantPath);
            db.HandlingUnitOfficers.Add(officer);
        }
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new ListHandlingUnitOfficersQuery(unit.Id), cancellationToken);
    }
}

internal sealed class GetHandlingUnitsQueryHandler(IdentityDbContext db, ITenantContext tenant)
    : IRequestHandler<GetHandlingUnitsQuery, IReadOnlyList<HandlingUnitSummaryDto>>
{
    public async Task<IReadOnlyList<HandlingUnitSummaryDto>> Handle(GetHandlingUnitsQuery request, CancellationToken cancellationToken)
    {
        var rows = (await Active(db.HandlingUnits.AsNoTracking(), request.IncludeInactive).ToListAsync(cancellationToken))
            .Select(u => (Unit: u, Superior: false)).ToList();
        var superiors = request.IncludeSuperiors ? SuperiorPaths() : [];
        if (superiors.Count > 0)
        {
            // Above the scope the tenant filters hide them: only the ancestors' own units are added, by their paths.
            // (A query of its own: IgnoreQueryFilters would lift the filters of everything joined to it.)
            rows.AddRange((await Active(db.HandlingUnits.IgnoreQueryFilters().AsNoTracking().Where(u => superiors.Contains(u.TenantPath)),
                request.IncludeInactive).ToListAsync(cancellationToken)).Select(u => (Unit: u, Superior: true)));
        }
        var tenantIds = rows.Select(r => r.Unit.TenantId).Distinct().ToList();
        var tenantNames = await db.Tenants.IgnoreQueryFilters().AsNoTracking().Where(t => tenantIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return rows
            .Select(r => new HandlingUnitSummaryDto(r.Unit.Id, r.Unit.TenantId, tenantNames.GetValueOrDefault(r.Unit.TenantId, string.Empty), r.Unit.Name,
                r.Unit.IsActive, r.Superior))
            .OrderBy(u => u.Superior).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
    }

    private static IQueryable<HandlingUnit> Active(IQueryable<HandlingUnit> units, bool includeInactive) =>
        includeInactive ? units : units.Where(u => u.IsActive);

    /// <summary>The paths of the tenants above the active one (<c>/liucheng/dongliu/</c> → <c>/liucheng/</c>).</summary>
    private List<string> SuperiorPaths()
    {
        if (!tenant.IsResolved || tenant.IsSystem)
        {
            return [];
        }
        var codes = tenant.TenantPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var paths = new List<string>();
        var path = "/";
        foreach (var code in codes[..^1])
        {
            path = $"{path}{code}/";
            paths.Add(path);
        }
        return paths;
    }
}

internal sealed class GetMyHandlingUnitIdsQueryHandler(IdentityDbContext db, ICurrentUser user) : IRequestHandler<GetMyHandlingUnitIdsQuery, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(GetMyHandlingUnitIdsQuery request, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } userId)
        {
            return [];
        }
        // The user's own links, whichever tenant the unit is in.
        return await db.HandlingUnitOfficers.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.UserId == userId).Select(o => o.HandlingUnitId).ToListAsync(cancellationToken);
    }
}
