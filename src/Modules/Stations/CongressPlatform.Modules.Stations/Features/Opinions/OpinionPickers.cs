using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Opinions;

/// <summary>Where a handling unit sits for the one referring: the caller's own tenant, a tenant above it (区级部门), or one below (for a supervisor).</summary>
public enum OpinionUnitLevel
{
    Own = 0,
    Superior = 1,
    Subordinate = 2,
}

public sealed record OpinionHandlingUnitDto(Guid Id, string Name, OpinionUnitLevel Level, string TenantName);

/// <summary>
/// The handling units an opinion may be referred to (active ones): those of the caller's scope and those of the tenants
/// above it (a street refers to its district's departments), own first, then the superiors', then the subtree's.
/// </summary>
[RequiresPermission(StationsPermissions.OpinionsManage)]
public sealed record ListOpinionHandlingUnitsQuery : IQuery<IReadOnlyList<OpinionHandlingUnitDto>>;

internal sealed class ListOpinionHandlingUnitsQueryHandler(IMediator mediator, ITenantContext tenant)
    : IRequestHandler<ListOpinionHandlingUnitsQuery, IReadOnlyList<OpinionHandlingUnitDto>>
{
    public async Task<IReadOnlyList<OpinionHandlingUnitDto>> Handle(ListOpinionHandlingUnitsQuery request, CancellationToken cancellationToken) =>
        (await OpinionReferralUnits.ListAsync(mediator, cancellationToken))
            .Select(u => new OpinionHandlingUnitDto(u.Id, u.Name, OpinionReferralUnits.LevelOf(u, tenant), u.TenantName))
            .OrderBy(u => u.Level).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
}

/// <summary>The units a referral may name: the scope's own and its superiors' (see <see cref="GetHandlingUnitsQuery"/>).</summary>
internal static class OpinionReferralUnits
{
    public static Task<IReadOnlyList<HandlingUnitSummaryDto>> ListAsync(IMediator mediator, CancellationToken cancellationToken) =>
        mediator.Send(new GetHandlingUnitsQuery(IncludeSuperiors: true), cancellationToken);

    public static OpinionUnitLevel LevelOf(HandlingUnitSummaryDto unit, ITenantContext tenant) =>
        unit.Superior ? OpinionUnitLevel.Superior : unit.TenantId == tenant.TenantId ? OpinionUnitLevel.Own : OpinionUnitLevel.Subordinate;
}

public sealed record OpinionStationDeputyDto(Guid StationId, Guid DeputyId, string Name);

/// <summary>The current deputies of the stations in scope, for the intake and triage forms' deputy picker.</summary>
[RequiresPermission(StationsPermissions.OpinionsManage)]
public sealed record ListOpinionStationDeputiesQuery : IQuery<IReadOnlyList<OpinionStationDeputyDto>>;

internal sealed class ListOpinionStationDeputiesQueryHandler(StationsDbContext db)
    : IRequestHandler<ListOpinionStationDeputiesQuery, IReadOnlyList<OpinionStationDeputyDto>>
{
    public async Task<IReadOnlyList<OpinionStationDeputyDto>> Handle(ListOpinionStationDeputiesQuery request, CancellationToken cancellationToken) =>
        await db.StationDeputies.AsNoTracking().Where(a => a.EndedOn == null).OrderBy(a => a.DeputyName)
            .Select(a => new OpinionStationDeputyDto(a.StationId, a.DeputyId, a.DeputyName)).ToListAsync(cancellationToken);
}
