using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Stations;

/// <summary>Opens a station of the active tenant, under a parent of a higher tier (<see cref="StationNesting"/>).</summary>
[RequiresPermission(StationsPermissions.StationsManage)]
public sealed record CreateStationCommand(
    StationKind Kind, Guid? ParentId, string Name, string? Community, string Address, string OpeningHours, Guid? KeeperUserId,
    string? KeeperName, string? LiaisonName, string? Phone) : ICommand<StationDto>;

internal sealed class CreateStationCommandValidator : AbstractValidator<CreateStationCommand>
{
    public CreateStationCommandValidator()
    {
        RuleFor(c => c.Kind).IsInEnum().WithName(_ => Text.Of("站点类型", "Kind"));
        StationRules.Apply(this, c => c.Name, c => c.Community, c => c.Address, c => c.OpeningHours, c => c.KeeperName, c => c.LiaisonName, c => c.Phone);
    }
}

internal sealed class CreateStationCommandHandler(
    StationsDbContext db, ITenantContext tenant, ITenantDirectory tenants, IMediator mediator, TimeProvider clock)
    : IRequestHandler<CreateStationCommand, StationDto>
{
    public async Task<StationDto> Handle(CreateStationCommand request, CancellationToken cancellationToken)
    {
        await StationLookup.EnsureParentAsync(db, tenant, request.Kind, request.ParentId, null, cancellationToken);
        var (keeperId, keeperName) = await StationKeepers.ResolveAsync(mediator, tenant.TenantId, request.KeeperUserId, request.KeeperName, null,
            cancellationToken);
        var station = new Station(request.Kind, request.ParentId,
            new StationDetails(request.Name, request.Community, request.Address, request.OpeningHours, keeperId, keeperName,
                request.LiaisonName, request.Phone),
            clock.GetUtcNow().UtcDateTime);
        db.Stations.Add(station);
        await db.SaveChangesAsync(cancellationToken);
        return await StationLookup.DetailAsync(db, tenants, station.Id, cancellationToken);
    }
}
