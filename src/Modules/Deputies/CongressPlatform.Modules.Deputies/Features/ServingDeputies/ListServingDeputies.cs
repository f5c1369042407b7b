using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.ServingDeputies;

internal sealed class ListServingDeputiesQueryHandler(DeputiesDbContext db) : IRequestHandler<ListServingDeputiesQuery, IReadOnlyList<ServingDeputyDto>>
{
    private const int Limit = 200;

    public async Task<IReadOnlyList<ServingDeputyDto>> Handle(ListServingDeputiesQuery request, CancellationToken cancellationToken)
    {
        // Seats carry the tenant: the named filters keep them to the caller's scope. Persons belong to no tenant.
        var seats = db.Seats.AsNoTracking().Where(s => s.Status == SeatStatus.Serving);
        if (request.Ids is { } ids)
        {
            var wanted = ids.Distinct().ToList();
            if (wanted.Count == 0)
            {
                return [];
            }
            seats = seats.Where(s => wanted.Contains(s.DeputyId));
        }
        var rows = from seat in seats
                   join deputy in db.Deputies.AsNoTracking() on seat.DeputyId equals deputy.Id
                   select new { seat.DeputyId, deputy.Name, seat.Level, seat.Term, seat.TenantId };
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var search = request.Search.Trim();
            rows = rows.Where(r => r.Name.Contains(search));
        }
        var found = await rows.ToListAsync(cancellationToken);
        return found.GroupBy(r => (r.DeputyId, r.Name))
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal).ThenBy(g => g.Key.DeputyId)
            .Take(Limit)
            .Select(g => new ServingDeputyDto(g.Key.DeputyId, g.Key.Name,
                string.Join("、", g.OrderByDescending(s => s.Level).Select(s => $"{RegistryNames.Levels[s.Level]}{RegistryNames.TermName(s.Term)}人大代表").Distinct()),
                g.Select(s => s.TenantId).Distinct().ToList()))
            .ToList();
    }
}
