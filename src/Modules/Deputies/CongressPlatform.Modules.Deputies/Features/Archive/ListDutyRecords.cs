using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.Modules.Deputies.Features.Archive;

/// <summary>A deputy's duty archive (履职档案) as the active scope sees it: newest first, paged, optionally one kind.</summary>
[RequiresPermission(DeputiesPermissions.DutyRecordsRead)]
public sealed record ListDutyRecordsQuery(Guid DeputyId, DutyKind? Kind, int? Page, int? PageSize) : IQuery<PagedResult<DutyRecordDto>>;

internal sealed class ListDutyRecordsQueryHandler(DeputiesDbContext db, ITenantDirectory directory) : IRequestHandler<ListDutyRecordsQuery, PagedResult<DutyRecordDto>>
{
    public async Task<PagedResult<DutyRecordDto>> Handle(ListDutyRecordsQuery request, CancellationToken cancellationToken)
    {
        await Timeline.VisibleDeputyAsync(db, request.DeputyId, cancellationToken);
        return await Timeline.PageAsync(db, directory, request.DeputyId, request.Kind, request.Page, request.PageSize, cancellationToken);
    }
}
