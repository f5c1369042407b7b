using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Stations;

public sealed record DeputyCandidateDto(Guid DeputyId, string Name, string Summary);

/// <summary>The picker: serving deputies of the station's tenant matching <c>Search</c>, less those already at the station.</summary>
[RequiresPermission(StationsPermissions.AssignmentsManage)]
public sealed record ListDeputyCandidatesQuery(Guid StationId, string? Search) : IQuery<IReadOnlyList<DeputyCandidateDto>>;

internal sealed class ListDeputyCandidatesQueryHandler(StationsDbContext db, IMediator sender)
    : IRequestHandler<ListDeputyCandidatesQuery, IReadOnlyList<DeputyCandidateDto>>
{
    public async Task<IReadOnlyList<DeputyCandidateDto>> Handle(ListDeputyCandidatesQuery request, CancellationToken cancellationToken)
    {
        var station = await db.Stations.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.StationId, cancellationToken)
            ?? throw StationLookup.NotFound();
        var current = await db.StationDeputies.AsNoTracking().Where(a => a.StationId == station.Id && a.EndedOn == null)
            .Select(a => a.DeputyId).ToListAsync(cancellationToken);
        var serving = await sender.Send(new ListServingDeputiesQuery(request.Search, null), cancellationToken);
        return serving.Where(d => d.TenantIds.Contains(station.TenantId) && !current.Contains(d.DeputyId))
            .Select(d => new DeputyCandidateDto(d.DeputyId, d.Name, d.Summary)).ToList();
    }
}
