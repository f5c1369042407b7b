using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Documents;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.Quarterly;

/// <summary>The quarter's reports of the active tenant (its subtree's for a supervisor), by deputy name.</summary>
[RequiresPermission(DeputiesPermissions.QuarterlyReportsRead)]
public sealed record ListQuarterlyReportsQuery(int Year, int Quarter) : IQuery<IReadOnlyList<QuarterlyReportDto>>;

internal sealed class ListQuarterlyReportsQueryHandler(DeputiesDbContext db) : IRequestHandler<ListQuarterlyReportsQuery, IReadOnlyList<QuarterlyReportDto>>
{
    public async Task<IReadOnlyList<QuarterlyReportDto>> Handle(ListQuarterlyReportsQuery request, CancellationToken cancellationToken)
    {
        var list = await db.QuarterlyReports.AsNoTracking().Where(r => r.Year == request.Year && r.Quarter == request.Quarter)
            .OrderBy(r => r.Rank).ThenBy(r => r.DeputyName).ToListAsync(cancellationToken);
        return list.Select(QuarterlyViews.Report).ToList();
    }
}

/// <summary>A quarterly report's Word document, as generated.</summary>
[RequiresPermission(DeputiesPermissions.QuarterlyReportsRead)]
public sealed record GetQuarterlyReportDocumentQuery(Guid Id) : IQuery<DocumentFileDto>;

internal sealed class GetQuarterlyReportDocumentQueryHandler(DeputiesDbContext db) : IRequestHandler<GetQuarterlyReportDocumentQuery, DocumentFileDto>
{
    public async Task<DocumentFileDto> Handle(GetQuarterlyReportDocumentQuery request, CancellationToken cancellationToken)
    {
        var report = await db.QuarterlyReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("季度履职档案", "quarterly report");
        return new DocumentFileDto(report.Document, WordDocument.ContentType, QuarterlyViews.ReportFileName(report));
    }
}

/// <summary>The quarter's reminder letters of the active tenant (drafts and sent).</summary>
[RequiresPermission(DeputiesPermissions.QuarterlyReportsRead)]
public sealed record ListReminderLettersQuery(int Year, int Quarter) : IQuery<IReadOnlyList<ReminderLetterDto>>;

internal sealed class ListReminderLettersQueryHandler(DeputiesDbContext db) : IRequestHandler<ListReminderLettersQuery, IReadOnlyList<ReminderLetterDto>>
{
    public async Task<IReadOnlyList<ReminderLetterDto>> Handle(ListReminderLettersQuery request, CancellationToken cancellationToken)
    {
        var list = await db.ReminderLetters.AsNoTracking().Where(l => l.Year == request.Year && l.Quarter == request.Quarter)
            .OrderBy(l => l.Status).ThenBy(l => l.Points).ThenBy(l => l.DeputyName).ToListAsync(cancellationToken);
        return list.Select(QuarterlyViews.Letter).ToList();
    }
}

[RequiresPermission(DeputiesPermissions.QuarterlyReportsRead)]
public sealed record GetReminderLetterQuery(Guid Id) : IQuery<ReminderLetterDto>;

internal sealed class GetReminderLetterQueryHandler(DeputiesDbContext db) : IRequestHandler<GetReminderLetterQuery, ReminderLetterDto>
{
    public async Task<ReminderLetterDto> Handle(GetReminderLetterQuery request, CancellationToken cancellationToken) =>
        QuarterlyViews.Letter(await db.ReminderLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("温馨提示函", "reminder letter"));
}

/// <summary>The letter as a Word document: the draft's current text, or the document as sent.</summary>
[RequiresPermission(DeputiesPermissions.QuarterlyReportsRead)]
public sealed record GetReminderLetterDocumentQuery(Guid Id) : IQuery<DocumentFileDto>;

internal sealed class GetReminderLetterDocumentQueryHandler(DeputiesDbContext db) : IRequestHandler<GetReminderLetterDocumentQuery, DocumentFileDto>
{
    public async Task<DocumentFileDto> Handle(GetReminderLetterDocumentQuery request, CancellationToken cancellationToken)
    {
        var letter = await db.ReminderLetters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("温馨提示函", "reminder letter");
        return new DocumentFileDto(letter.SentDocument ?? QuarterlyDocuments.Letter(letter.Body), WordDocument.ContentType, QuarterlyViews.LetterFileName(letter));
    }
}
