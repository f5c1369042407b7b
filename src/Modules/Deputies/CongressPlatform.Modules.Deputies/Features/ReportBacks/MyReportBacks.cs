using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Quarterly;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.ReportBacks;

/// <summary>A deputy's own report-back as the deputy sees it: the plan, the text (editable until final) and the outcome.</summary>
public sealed record MyReportBackDto(Guid Id, int Year, DateOnly PlannedOn, string Place, ReportBackForm Form, string Organiser,
    ReportBackStatus Status, string Text, bool? Passed, Guid Version);

/// <summary>The signed-in deputy's report-backs in the active tenant, newest year first.</summary>
[RequiresPermission(DeputiesPermissions.MyReportBacksEdit)]
public sealed record ListMyReportBacksQuery : IQuery<IReadOnlyList<MyReportBackDto>>;

internal sealed class ListMyReportBacksQueryHandler(DeputiesDbContext db, ICurrentUser user) : IRequestHandler<ListMyReportBacksQuery, IReadOnlyList<MyReportBackDto>>
{
    public async Task<IReadOnlyList<MyReportBackDto>> Handle(ListMyReportBacksQuery request, CancellationToken cancellationToken)
    {
        var deputyId = await MyDeputy.IdAsync(db, user, cancellationToken);
        if (deputyId is null)
        {
            return [];
        }
        var list = await db.ReportBacks.AsNoTracking().Where(r => r.DeputyId == deputyId).OrderByDescending(r => r.Year).ToListAsync(cancellationToken);
        return list.Select(MyReportBackViews.From).ToList();
    }
}

/// <summary>The deputy edits the text of their own report-back before staff finalise it; anyone else's is a 404.</summary>
[RequiresPermission(DeputiesPermissions.MyReportBacksEdit)]
public sealed record EditMyReportBackTextCommand(Guid Id, string Text, Guid Version) : ICommand<MyReportBackDto>;

internal sealed class EditMyReportBackTextCommandValidator : AbstractValidator<EditMyReportBackTextCommand>
{
    public EditMyReportBackTextCommandValidator()
    {
        RuleFor(c => c.Version).NotEmpty();
        RuleFor(c => c.Text).NotNull().MaximumLength(ReportBack.MaxTextLength);
    }
}

internal sealed class EditMyReportBackTextCommandHandler(DeputiesDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<EditMyReportBackTextCommand, MyReportBackDto>
{
    public async Task<MyReportBackDto> Handle(EditMyReportBackTextCommand request, CancellationToken cancellationToken)
    {
        var deputyId = await MyDeputy.IdAsync(db, user, cancellationToken) ?? Guid.Empty;
        var reportBack = await db.ReportBacks.SingleOrDefaultAsync(r => r.Id == request.Id && r.DeputyId == deputyId, cancellationToken)
            ?? throw NotFoundException.For("述职安排", "report-back");
        db.Entry(reportBack).Property(r => r.Version).OriginalValue = request.Version;
        reportBack.EditText(request.Text, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return MyReportBackViews.From(reportBack);
    }
}

internal static class MyReportBackViews
{
    public static MyReportBackDto From(ReportBack r) =>
        new(r.Id, r.Year, r.PlannedOn, r.Place, r.Form, r.Organiser, r.Status, r.Text, r.Status == ReportBackStatus.Rated ? r.Result.Passed : null, r.Version);
}
