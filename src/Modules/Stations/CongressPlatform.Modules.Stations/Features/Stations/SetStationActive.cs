using Microsoft.Extensions.Caching.Memory;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Stations;

/// <summary>
/// Closes (停用) or reopens (启用) a station; stations are never deleted. A station with open stations under it cannot
/// close, and one under a closed parent cannot reopen. A closed station's public page and QR code say it is closed.
/// </summary>
[RequiresPermission(StationsPermissions.StationsManage)]
public sealed record SetStationActiveCommand(Guid Id, bool Active, Guid Version) : ICommand<StationDto>;

public sealed record SetStationActiveBody(bool Active, Guid Version)
{
    public SetStationActiveCommand ToCommand(Guid id) => new(id, Active, Version);
}

internal sealed class SetStationActiveCommandHandler(StationsDbContext db, ITenantDirectory tenants, TimeProvider clock, IMemoryCache cache)
    : IRequestHandler<SetStationActiveCommand, StationDto>
{
    public async Task<StationDto> Handle(SetStationActiveCommand request, CancellationToken cancellationToken)
    {
        var station = await StationLookup.FindAsync(db, request.Id, cancellationToken);
        db.Entry(station).Property(s => s.Version).OriginalValue = request.Version;
        if (!request.Active && await db.Stations.AnyAsync(s => s.ParentId == station.Id && s.IsActive, cancellationToken))
        {
            throw new BusinessRuleException("stations.has_active_children", Text.Of(
                "该站点下还有在用的站点,请先停用下级站点。", "Stations under this one are still open; close them first."));
        }
        if (request.Active && station.ParentId is { } parentId
            && !await db.Stations.AnyAsync(s => s.Id == parentId && s.IsActive, cancellationToken))
        {
            throw new BusinessRuleException("stations.parent_inactive", Text.Of(
                "上级站点已停用,请先启用上级站点。", "The parent station is closed; reopen it first."));
        }
        station.SetActive(request.Active, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        PublicOpinions.PublicStations.Forget(cache, station.Id);
        return await StationLookup.DetailAsync(db, tenants, station.Id, cancellationToken);
    }
}
