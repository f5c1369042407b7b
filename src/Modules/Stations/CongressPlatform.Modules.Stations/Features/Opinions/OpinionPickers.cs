using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Opinions;

public sealed record OpinionHandlingUnitDto(Guid Id, string Name);

/// <summary>The handling units an opinion may be referred to (the caller's scope, active ones).</summary>
[RequiresPermission(StationsPermissions.OpinionsManage)]
public sealed record ListOpinionHandlingUnitsQuery : IQuery<IReadOnlyList<OpinionHandlingUnitDto>>;

internal sealed class ListOpinionHandlingUnitsQueryHandler(IMediator mediator) : IRequestHandler<ListOpinionHandlingUnitsQuery, IReadOnlyList<OpinionHandlingUnitDto>>
{
    public async Task<IReadOnlyList<OpinionHandlingUnitDto>> Handle(ListOpinionHandlingUnitsQuery request, CancellationToken cancellationToken) =>
        (await mediator.Send(new GetHandlingUnitsQuery(), cancellationToken)).Select(u => new OpinionHandlingUnitDto(u.Id, u.Name)).ToList();
}

public sealed record OpinionStationDeputyDto(Guid StationId, Guid DeputyId, string Name);

/// <summary>The current deputies of the stations in scope, for the intake and triage forms' deputy picker.</summary>
[RequiresPermission(StationsPermissions.OpinionsManage)]
public sealed record ListOpinionStationDeputiesQuery : IQuery<IReadOnlyList<OpinionStationDeputyDto>>;

internal sealed class ListOpinionStationDeputiesQueryHandler(StationsDbContext db)
    : IRequestHandler<ListOpinionStationDeputiesQuery, IReadOnlyList<OpinionStationDeputyDto>>
{
    public async Task<IReadOnlyList<OpinionStationDeputyDto>> Handle(ListOpinionStationDeputiesQuery request, CancellationToken cancellationToken) =>
        await db.StationDeputies.AsNoTracking().Where(a => a.EndedOn == null).OrderBy(a => a.DeputyName)
            .Select(a => new OpinionStationDeputyDto(a.StationId, a.DeputyId, a.DeputyName)).ToListAsync(cancellationToken);
}
