using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Receptions;

/// <summary>An event with its venues and the attendance sheet.</summary>
[RequiresPermission(StationsPermissions.ReceptionsRead)]
public sealed record GetReceptionEventQuery(Guid Id) : IQuery<ReceptionEventDto>;

internal sealed class GetReceptionEventQueryHandler(StationsDbContext db) : IRequestHandler<GetReceptionEventQuery, ReceptionEventDto>
{
    public async Task<ReceptionEventDto> Handle(GetReceptionEventQuery request, CancellationToken cancellationToken) =>
        await ReceptionAccess.DetailAsync(db, await ReceptionAccess.EventAsync(db, request.Id, cancellationToken), cancellationToken);
}
