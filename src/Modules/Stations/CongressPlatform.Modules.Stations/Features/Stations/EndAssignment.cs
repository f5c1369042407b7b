using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Stations;

/// <summary>Ends a deputy's assignment (离站): the row stays, with its dates, as the station's history. <c>EndedOn</c> defaults to today.</summary>
[RequiresPermission(StationsPermissions.AssignmentsManage)]
public sealed record EndAssignmentCommand(Guid StationId, Guid AssignmentId, DateOnly? EndedOn) : ICommand<StationDto>;

public sealed record EndAssignmentBody(DateOnly? EndedOn)
{
    public EndAssignmentCommand ToCommand(Guid stationId, Guid assignmentId) => new(stationId, assignmentId, EndedOn);
}

internal sealed class EndAssignmentCommandHandler(StationsDbContext db, ITenantDirectory tenants, TimeProvider clock)
    : IRequestHandler<EndAssignmentCommand, StationDto>
{
    public async Task<StationDto> Handle(EndAssignmentCommand request, CancellationToken cancellationToken)
    {
        var assignment = await db.StationDeputies.SingleOrDefaultAsync(a => a.Id == request.AssignmentId && a.StationId == request.StationId, cancellationToken)
            ?? throw NotFoundException.For("进站安排", "assignment");
        assignment.End(request.EndedOn ?? ChinaTime.Today(clock));
        await db.SaveChangesAsync(cancellationToken);
        return await StationLookup.DetailAsync(db, tenants, request.StationId, cancellationToken);
    }
}
