using Microsoft.Extensions.Caching.Memory;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Stations;

/// <summary>
/// Edits a visible station. Staff with <c>stations.stations.manage</c> may change everything, the tier and the parent
/// included; a station keeper (<c>stations.stations.update</c> alone) only the station whose keeper they are, and there
/// only the details (name, community, address, hours, liaison, phone) — the tier, the parent and the keeper stay. A newly
/// linked keeper account must be one of <see cref="ListKeeperCandidatesQuery"/>'s (its name is then the account's).
/// <c>Version</c> is the one last read (409 when stale).
/// </summary>
[RequiresPermission(StationsPermissions.StationsUpdate)]
public sealed record UpdateStationCommand(
    Guid Id, StationKind Kind, Guid? ParentId, string Name, string? Community, string Address, string OpeningHours, Guid? KeeperUserId,
    string? KeeperName, string? LiaisonName, string? Phone, Guid Version) : ICommand<StationDto>;

public sealed record UpdateStationBody(
    StationKind Kind, Guid? ParentId, string Name, string? Community, string Address, string OpeningHours, Guid? KeeperUserId,
    string? KeeperName, string? LiaisonName, string? Phone, Guid Version)
{
    public UpdateStationCommand ToCommand(Guid id) =>
        new(id, Kind, ParentId, Name, Community, Address, OpeningHours, KeeperUserId, KeeperName, LiaisonName, Phone, Version);
}

internal sealed class UpdateStationCommandValidator : AbstractValidator<UpdateStationCommand>
{
    public UpdateStationCommandValidator()
    {
        RuleFor(c => c.Kind).IsInEnum().WithName(_ => Text.Of("站点类型", "Kind"));
        RuleFor(c => c.Version).NotEmpty();
        StationRules.Apply(this, c => c.Name, c => c.Community, c => c.Address, c => c.OpeningHours, c => c.KeeperName, c => c.LiaisonName, c => c.Phone);
    }
}

internal sealed class UpdateStationCommandHandler(
    StationsDbContext db, ITenantContext tenant, ITenantDirectory tenants, ICurrentUser user, IMediator mediator, TimeProvider clock, IMemoryCache cache)
    : IRequestHandler<UpdateStationCommand, StationDto>
{
    public async Task<StationDto> Handle(UpdateStationCommand request, CancellationToken cancellationToken)
    {
        var station = await StationLookup.FindAsync(db, request.Id, cancellationToken);
        db.Entry(station).Property(s => s.Version).OriginalValue = request.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        var manager = user.HasPermission(StationsPermissions.StationsManage);
        if (!manager)
        {
            if (station.KeeperUserId is null || station.KeeperUserId != user.UserId)
            {
                throw new ForbiddenException("stations.not_keeper", Text.Of("您只能修改由您担任站长的站点。", "You may edit only the stations you keep."));
            }
            station.Update(new StationDetails(request.Name, request.Community, request.Address, request.OpeningHours, station.KeeperUserId,
                station.KeeperName, request.LiaisonName, request.Phone), now);
        }
        else
        {
            if (request.Kind != station.Kind || request.ParentId != station.ParentId)
            {
                await StationLookup.EnsureParentAsync(db, tenant, request.Kind, request.ParentId, station.TenantId, cancellationToken);
                var childKinds = await db.Stations.Where(s => s.ParentId == station.Id).Select(s => s.Kind).ToListAsync(cancellationToken);
                StationNesting.EnsureAboveChildren(request.Kind, childKinds);
                station.ChangeKind(request.Kind, now);
                station.MoveUnder(request.ParentId, now);
            }
            var (keeperId, keeperName) = await StationKeepers.ResolveAsync(mediator, station.TenantId, request.KeeperUserId, request.KeeperName,
                station.KeeperUserId, cancellationToken);
            station.Update(new StationDetails(request.Name, request.Community, request.Address, request.OpeningHours, keeperId,
                keeperName, request.LiaisonName, request.Phone), now);
        }
        await db.SaveChangesAsync(cancellationToken);
        PublicOpinions.PublicStations.Forget(cache, station.Id);
        return await StationLookup.DetailAsync(db, tenants, station.Id, cancellationToken);
    }
}
