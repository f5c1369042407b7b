using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.ReportBacks;

/// <summary>
/// (Re)drafts the report's text from the deputy's duty archive of the year — the records visible in the active tenant,
/// under the five headings with counts and notable items. Replaces the current text; only before it is finalised.
/// </summary>
[RequiresPermission(DeputiesPermissions.ReportBacksManage)]
public sealed record DraftReportBackCommand(Guid Id, Guid Version) : ICommand<ReportBackDto>;

public sealed record DraftReportBackBody(Guid Version)
{
    public DraftReportBackCommand ToCommand(Guid id) => new(id, Version);
}

internal sealed class DraftReportBackCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<DraftReportBackCommand, ReportBackDto>
{
    public async Task<ReportBackDto> Handle(DraftReportBackCommand request, CancellationToken cancellationToken)
    {
        var reportBack = await ReportBackLoader.LoadAsync(db, request.Id, request.Version, cancellationToken);
        var first = new DateOnly(reportBack.Year, 1, 1);
        var end = first.AddYears(1);
        var records = await db.DutyRecords.AsNoTracking()
            .Where(r => r.DeputyId == reportBack.DeputyId && r.OccurredOn >= first && r.OccurredOn < end && r.Kind != DutyKind.ReportBackGiven)
            .Select(r => new
            {
                r.Kind, r.OccurredOn, r.Title, r.Attendance, r.Withdrawn, r.Amount, r.BeneficiaryCount, r.LeaveReason,
                Corrected = db.DutyRecords.Any(c => c.CorrectsRecordId == r.Id),
                IsCorrection = r.CorrectsRecordId != null,
            })
            .ToListAsync(cancellationToken);
        var drafted = records
            .Where(r => !r.Withdrawn)
            .Select(r => new DraftRecord(r.Kind, r.OccurredOn, r.Title, r.Attendance,
                r.Attendance == DutyAttendance.Attended && !r.Corrected, r.Amount, r.BeneficiaryCount, r.LeaveReason))
            .ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        reportBack.SetDraft(ReportBackDraft.Compose(reportBack.DeputyName, reportBack.Year, drafted), now);
        await db.SaveChangesAsync(cancellationToken);
        return await ReportBackLoader.ViewAsync(db, reportBack, now, cancellationToken);
    }
}

/// <summary>Saves the text as staff or the deputy edited it.</summary>
[RequiresPermission(DeputiesPermissions.ReportBacksManage)]
public sealed record EditReportBackTextCommand(Guid Id, string Text, Guid Version) : ICommand<ReportBackDto>;

public sealed record EditReportBackTextBody(string Text, Guid Version)
{
    public EditReportBackTextCommand ToCommand(Guid id) => new(id, Text, Version);
}

internal sealed class EditReportBackTextCommandValidator : AbstractValidator<EditReportBackTextCommand>
{
    public EditReportBackTextCommandValidator()
    {
        RuleFor(c => c.Version).NotEmpty();
        RuleFor(c => c.Text).NotNull().MaximumLength(ReportBack.MaxTextLength);
    }
}

internal sealed class EditReportBackTextCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<EditReportBackTextCommand, ReportBackDto>
{
    public async Task<ReportBackDto> Handle(EditReportBackTextCommand request, CancellationToken cancellationToken)
    {
        var reportBack = await ReportBackLoader.LoadAsync(db, request.Id, request.Version, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        reportBack.EditText(request.Text, now);
        await db.SaveChangesAsync(cancellationToken);
        return await ReportBackLoader.ViewAsync(db, reportBack, now, cancellationToken);
    }
}

/// <summary>Fixes the text (定稿); no change after it.</summary>
[RequiresPermission(DeputiesPermissions.ReportBacksManage)]
public sealed record FinaliseReportBackCommand(Guid Id, Guid Version) : ICommand<ReportBackDto>;

public sealed record FinaliseReportBackBody(Guid Version)
{
    public FinaliseReportBackCommand ToCommand(Guid id) => new(id, Version);
}

internal sealed class FinaliseReportBackCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<FinaliseReportBackCommand, ReportBackDto>
{
    public async Task<ReportBackDto> Handle(FinaliseReportBackCommand request, CancellationToken cancellationToken)
    {
        var reportBack = await ReportBackLoader.LoadAsync(db, request.Id, request.Version, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        reportBack.Finalise(now);
        await db.SaveChangesAsync(cancellationToken);
        return await ReportBackLoader.ViewAsync(db, reportBack, now, cancellationToken);
    }
}
