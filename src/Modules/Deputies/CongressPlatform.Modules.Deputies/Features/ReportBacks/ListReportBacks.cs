using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.ReportBacks;

/// <summary>The active tenant's report-backs (its subtree's for a supervisor), by year and optionally one deputy, by date.</summary>
[RequiresPermission(DeputiesPermissions.ReportBacksRead)]
public sealed record ListReportBacksQuery(int? Year, Guid? DeputyId) : IQuery<IReadOnlyList<ReportBackSummaryDto>>;

internal sealed class ListReportBacksQueryHandler(DeputiesDbContext db) : IRequestHandler<ListReportBacksQuery, IReadOnlyList<ReportBackSummaryDto>>
{
    public async Task<IReadOnlyList<ReportBackSummaryDto>> Handle(ListReportBacksQuery request, CancellationToken cancellationToken)
    {
        var query = db.ReportBacks.AsNoTracking();
        if (request.Year is { } year)
        {
            query = query.Where(r => r.Year == year);
        }
        if (request.DeputyId is { } deputyId)
        {
            query = query.Where(r => r.DeputyId == deputyId);
        }
        var list = await query.OrderByDescending(r => r.Year).ThenBy(r => r.PlannedOn).ThenBy(r => r.DeputyName).Take(1000).ToListAsync(cancellationToken);
        return list.Select(ReportBackViews.Summary).ToList();
    }
}

/// <summary>One report-back with its live ballot counts.</summary>
[RequiresPermission(DeputiesPermissions.ReportBacksRead)]
public sealed record GetReportBackQuery(Guid Id) : IQuery<ReportBackDto>;

internal sealed class GetReportBackQueryHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<GetReportBackQuery, ReportBackDto>
{
    public async Task<ReportBackDto> Handle(GetReportBackQuery request, CancellationToken cancellationToken)
    {
        var reportBack = await db.ReportBacks.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("述职安排", "report-back");
        return await ReportBackLoader.ViewAsync(db, reportBack, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }
}

/// <summary>A deputy the office may plan a report-back for: serving here, with the highest level of their seats here.</summary>
public sealed record ReportBackCandidateDto(Guid DeputyId, string Name, SeatLevel Level, bool ReportsToCommittee);

/// <summary>The serving deputies of the active tenant, for the plan form.</summary>
[RequiresPermission(DeputiesPermissions.ReportBacksManage)]
public sealed record ListReportBackCandidatesQuery : IQuery<IReadOnlyList<ReportBackCandidateDto>>;

internal sealed class ListReportBackCandidatesQueryHandler(DeputiesDbContext db) : IRequestHandler<ListReportBackCandidatesQuery, IReadOnlyList<ReportBackCandidateDto>>
{
    public async Task<IReadOnlyList<ReportBackCandidateDto>> Handle(ListReportBackCandidatesQuery request, CancellationToken cancellationToken)
    {
        var seats = await db.Seats.AsNoTracking().Where(s => s.Status == SeatStatus.Serving)
            .Join(db.Deputies, s => s.DeputyId, d => d.Id, (s, d) => new { d.Id, d.Name, s.Level })
            .ToListAsync(cancellationToken);
        return seats.GroupBy(s => s.Id)
            .Select(g => { var level = g.Max(s => s.Level); return new ReportBackCandidateDto(g.Key, g.First().Name, level, level >= SeatLevel.City); })
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }
}
