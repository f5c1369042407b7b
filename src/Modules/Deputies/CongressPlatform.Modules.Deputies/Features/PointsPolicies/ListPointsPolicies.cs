using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.PointsPolicies;

/// <summary>The active tenant's duty-points policies (its subtree's, for a supervisor), newest year first.</summary>
[RequiresPermission(DeputiesPermissions.PointsPoliciesRead)]
public sealed record ListPointsPoliciesQuery(int? Year) : IQuery<IReadOnlyList<PointsPolicyDto>>;

internal sealed class ListPointsPoliciesQueryHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<ListPointsPoliciesQuery, IReadOnlyList<PointsPolicyDto>>
{
    public async Task<IReadOnlyList<PointsPolicyDto>> Handle(ListPointsPoliciesQuery request, CancellationToken cancellationToken)
    {
        var policies = db.PointsPolicies.AsNoTracking();
        if (request.Year is { } year)
        {
            policies = policies.Where(p => p.Year == year);
        }
        var list = await policies.OrderByDescending(p => p.Year).ThenBy(p => p.TenantPath).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return list.Select(p => PointsPolicyDto.From(p, now)).ToList();
    }
}
