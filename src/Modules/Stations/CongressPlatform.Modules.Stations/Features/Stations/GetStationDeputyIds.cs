using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Stations;

internal sealed class GetStationDeputyIdsQueryHandler(StationsDbContext db) : IRequestHandler<GetStationDeputyIdsQuery, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(GetStationDeputyIdsQuery request, CancellationToken cancellationToken)
    {
        // Both tables are tenant-filtered: a foreign station yields nothing.
        if (!await db.Stations.AnyAsync(s => s.Id == request.StationId, cancellationToken))
        {
            return [];
        }
        return await db.StationDeputies.AsNoTracking().Where(a => a.StationId == request.StationId && a.EndedOn == null)
            .Select(a => a.DeputyId).Distinct().ToListAsync(cancellationToken);
    }
}
