using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Receptions;

/// <summary>Cancels a planned event: it leaves the public station page and nothing goes to the archive.</summary>
[RequiresPermission(StationsPermissions.ReceptionsManage)]
public sealed record CancelReceptionEventCommand(Guid Id) : ICommand<ReceptionEventDto>;

internal sealed class CancelReceptionEventCommandHandler(StationsDbContext db, ITenantContext tenant, TimeProvider clock)
    : IRequestHandler<CancelReceptionEventCommand, ReceptionEventDto>
{
    public async Task<ReceptionEventDto> Handle(CancelReceptionEventCommand request, CancellationToken cancellationToken)
    {
        var e = await ReceptionAccess.EventAsync(db, request.Id, cancellationToken);
        ReceptionAccess.EnsureOwn(e, tenant);
        e.Cancel(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return await ReceptionAccess.DetailAsync(db, e, cancellationToken);
    }
}
