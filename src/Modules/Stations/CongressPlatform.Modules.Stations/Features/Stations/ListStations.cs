using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Stations;

public sealed record StationListItemDto(
    Guid Id, Guid TenantId, StationKind Kind, Guid? ParentId, string Name, string? Community, string Address, string OpeningHours,
    string? KeeperName, string? LiaisonName, string? Phone, bool IsActive, int DeputyCount, Guid Version);

/// <summary>
/// The stations of the active tenant (every street's and township's, for the district), in tree order: parents before
/// children, each level by kind and name. The client builds the tree from <c>ParentId</c>.
/// </summary>
[RequiresPermission(StationsPermissions.StationsRead)]
public sealed record ListStationsQuery(bool IncludeInactive = false) : IQuery<IReadOnlyList<StationListItemDto>>;

internal sealed class ListStationsQueryHandler(StationsDbContext db) : IRequestHandler<ListStationsQuery, IReadOnlyList<StationListItemDto>>
{
    public async Task<IReadOnlyList<StationListItemDto>> Handle(ListStationsQuery request, CancellationToken cancellationToken)
    {
        var stations = db.Stations.AsNoTracking();
        if (!request.IncludeInactive)
        {
            stations = stations.Where(s => s.IsActive);
        }
        var rows = await stations
            .Select(s => new StationListItemDto(s.Id, s.TenantId, s.Kind, s.ParentId, s.Name, s.Community, s.Address, s.OpeningHours,
                s.KeeperName, s.LiaisonName, s.Phone, s.IsActive,
                db.StationDeputies.Count(a => a.StationId == s.Id && a.EndedOn == null), s.Version))
            .ToListAsync(cancellationToken);
        return TreeOrder(rows);
    }

    /// <summary>Depth-first: each station followed by its children, siblings by kind then name (Chinese collation is the client's).</summary>
    internal static IReadOnlyList<StationListItemDto> TreeOrder(IReadOnlyList<StationListItemDto> rows)
    {
        var ids = rows.Select(r => r.Id).ToHashSet();
        var children = rows.ToLookup(r => r.ParentId is { } p && ids.Contains(p) ? p : (Guid?)null);
        var ordered = new List<StationListItemDto>(rows.Count);
        void Visit(Guid? parent)
        {
            foreach (var row in children[parent].OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Ordinal))
            {
                ordered.Add(row);
                Visit(row.Id);
            }
        }
        Visit(null);
        return ordered;
    }
}
