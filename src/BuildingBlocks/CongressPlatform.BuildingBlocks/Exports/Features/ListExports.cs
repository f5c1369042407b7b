using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Exports.Features;

/// <summary>The caller's own exports, newest first, a page at a time.</summary>
[RequiresPermission(PlatformPermissions.ExportsUse)]
public sealed record ListExportsQuery(int? Page, int? PageSize) : IQuery<PagedResult<ExportJobDto>>;

internal sealed class ListExportsQueryValidator : AbstractValidator<ListExportsQuery>
{
    public ListExportsQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThan(0).When(q => q.Page.HasValue);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).When(q => q.PageSize.HasValue);
    }
}

internal sealed class ListExportsQueryHandler(ExportsDbContext db, ICurrentUser user) : IRequestHandler<ListExportsQuery, PagedResult<ExportJobDto>>
{
    public async Task<PagedResult<ExportJobDto>> Handle(ListExportsQuery request, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(request.Page, request.PageSize);
        var mine = ExportJobs.Mine(db, user);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(j => j.CreatedAtUtc).ThenByDescending(j => j.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedResult<ExportJobDto>(items.Select(ExportJobDto.From).ToList(), total, page, size);
    }
}

internal static class ExportJobs
{
    /// <summary>
    /// The caller's own jobs. The tenant filters already keep other tenants' rows out; an export is also personal
    /// (it may hold what only its user may read), so only its user ever sees it.
    /// </summary>
    public static IQueryable<ExportJob> Mine(ExportsDbContext db, ICurrentUser user)
    {
        var me = user.UserId ?? Guid.Empty;
        return db.Jobs.Where(j => j.UserId == me);
    }

    public static async Task<ExportJob> FindMineAsync(ExportsDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken) =>
        await Mine(db, user).SingleOrDefaultAsync(j => j.Id == id, cancellationToken)
        ?? throw NotFoundException.For("导出", "export");
}
