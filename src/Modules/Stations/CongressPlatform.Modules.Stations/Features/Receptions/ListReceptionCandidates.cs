using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Receptions;

/// <param name="StationIds">The open stations of the tenant the deputy is currently assigned to (to suggest a venue).</param>
public sealed record ReceptionCandidateDto(Guid DeputyId, string Name, string Summary, IReadOnlyList<Guid> StationIds);

/// <summary>The participant picker: the serving deputies of the active tenant (asked of Deputies), with the stations they are assigned to.</summary>
[RequiresPermission(StationsPermissions.ReceptionsManage)]
public sealed record ListReceptionCandidatesQuery(string? Search) : IQuery<IReadOnlyList<ReceptionCandidateDto>>;

internal sealed class ListReceptionCandidatesQueryHandler(StationsDbContext db, ITenantContext tenant, IMediator sender)
    : IRequestHandler<ListReceptionCandidatesQuery, IReadOnlyList<ReceptionCandidateDto>>
{
    public async Task<IReadOnlyList<ReceptionCandidateDto>> Handle(ListReceptionCandidatesQuery request, CancellationToken cancellationToken)
    {
        var serving = (await sender.Send(new ListServingDeputiesQuery(request.Search, null), cancellationToken))
            .Where(d => d.TenantIds.Contains(tenant.TenantId)).ToList();
        var ids = serving.Select(d => d.DeputyId).ToList();
        var assignments = (await (from a in db.StationDeputies.AsNoTracking()
                                  join s in db.Stations.AsNoTracking() on a.StationId equals s.Id
                                  where ids.Contains(a.DeputyId) && a.EndedOn == null && s.IsActive && s.TenantId == tenant.TenantId
                                  select new { a.DeputyId, a.StationId }).ToListAsync(cancellationToken)).ToLookup(a => a.DeputyId, a => a.StationId);
        return serving.OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new ReceptionCandidateDto(d.DeputyId, d.Name, d.Summary, assignments[d.DeputyId].Distinct().ToList())).ToList();
    }
}
