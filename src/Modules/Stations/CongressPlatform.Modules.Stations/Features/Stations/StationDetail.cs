using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Stations;

/// <summary>A deputy's assignment to a station: current while <c>EndedOn</c> is null, kept as history once ended.</summary>
public sealed record StationDeputyDto(Guid Id, Guid DeputyId, string DeputyName, DateOnly AssignedOn, DateOnly? EndedOn);

public sealed record StationDto(
    Guid Id, Guid TenantId, string TenantName, StationKind Kind, Guid? ParentId, string? ParentName, string Name, string? Community,
    string Address, string OpeningHours, Guid? KeeperUserId, string? KeeperName, string? LiaisonName, string? Phone, bool IsActive,
    DateTime CreatedAtUtc, DateTime UpdatedAtUtc, IReadOnlyList<StationDeputyDto> Deputies, Guid Version);

/// <summary>Loads stations the caller may see (the DbContext's tenant filters decide; anything else is "not found").</summary>
internal static class StationLookup
{
    public static async Task<Station> FindAsync(StationsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Stations.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NotFound();

    public static NotFoundException NotFound() => NotFoundException.For("联络站", "station");

    public static async Task<StationDto> DetailAsync(StationsDbContext db, ITenantDirectory tenants, Guid id, CancellationToken cancellationToken)
    {
        var station = await db.Stations.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw NotFound();
        var parentName = station.ParentId is { } parentId
            ? await db.Stations.AsNoTracking().Where(s => s.Id == parentId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var deputies = await db.StationDeputies.AsNoTracking().Where(a => a.StationId == id)
            .OrderBy(a => a.EndedOn != null).ThenBy(a => a.DeputyName).ThenBy(a => a.AssignedOn)
            .Select(a => new StationDeputyDto(a.Id, a.DeputyId, a.DeputyName, a.AssignedOn, a.EndedOn))
            .ToListAsync(cancellationToken);
        var tenant = await tenants.FindAsync(station.TenantId, cancellationToken);
        return new StationDto(station.Id, station.TenantId, tenant?.Name ?? string.Empty, station.Kind, station.ParentId, parentName, station.Name,
            station.Community, station.Address, station.OpeningHours, station.KeeperUserId, station.KeeperName, station.LiaisonName, station.Phone,
            station.IsActive, station.CreatedAtUtc, station.UpdatedAtUtc, deputies, station.Version);
    }

    /// <summary>
    /// Checks the tier rule against the parent, which must be a visible, active station of the same tenant as
    /// <paramref name="tenantId"/> (null: the active tenant, for a station not yet saved).
    /// </summary>
    public static async Task EnsureParentAsync(StationsDbContext db, ITenantContext tenant, StationKind kind, Guid? parentId, Guid? tenantId,
        CancellationToken cancellationToken)
    {
        if (parentId is null)
        {
            StationNesting.Ensure(kind, null);
            return;
        }
        var parent = await db.Stations.AsNoTracking().SingleOrDefaultAsync(s => s.Id == parentId, cancellationToken);
        if (parent is null || parent.TenantId != (tenantId ?? tenant.TenantId))
        {
            throw new BusinessRuleException("stations.parent_unknown", Text.Of(
                "上级站点不存在,或不属于同一街道(乡镇)。", "The parent station does not exist or belongs to another organisation."));
        }
        if (!parent.IsActive)
        {
            throw new BusinessRuleException("stations.parent_inactive", Text.Of("上级站点已停用,不能在其下设站点。", "The parent station is inactive."));
        }
        StationNesting.Ensure(kind, parent.Kind);
    }
}
