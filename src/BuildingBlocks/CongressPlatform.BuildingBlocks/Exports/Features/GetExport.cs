using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.BuildingBlocks.Exports.Features;

/// <summary>One of the caller's exports (its progress while it runs).</summary>
[RequiresPermission(PlatformPermissions.ExportsUse)]
public sealed record GetExportQuery(Guid Id) : IQuery<ExportJobDto>;

internal sealed class GetExportQueryHandler(ExportsDbContext db, ICurrentUser user) : IRequestHandler<GetExportQuery, ExportJobDto>
{
    public async Task<ExportJobDto> Handle(GetExportQuery request, CancellationToken cancellationToken) =>
        ExportJobDto.From(await ExportJobs.FindMineAsync(db, user, request.Id, cancellationToken));
}
