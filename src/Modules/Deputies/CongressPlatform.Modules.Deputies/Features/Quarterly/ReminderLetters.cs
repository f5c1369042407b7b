using CongressPlatform.BuildingBlocks.Notifications;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Documents;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.Quarterly;

/// <summary>Edits a draft letter's text.</summary>
[RequiresPermission(DeputiesPermissions.QuarterlyReportsManage)]
public sealed record EditReminderLetterCommand(Guid Id, string Body, Guid Version) : ICommand<ReminderLetterDto>;

public sealed record EditReminderLetterBody(string Body, Guid Version)
{
    public EditReminderLetterCommand ToCommand(Guid id) => new(id, Body, Version);
}

internal sealed class EditReminderLetterCommandValidator : AbstractValidator<EditReminderLetterCommand>
{
    public EditReminderLetterCommandValidator()
    {
        RuleFor(c => c.Version).NotEmpty();
        RuleFor(c => c.Body).NotEmpty().MaximumLength(ReminderLetter.MaxBodyLength);
    }
}

internal sealed class EditReminderLetterCommandHandler(DeputiesDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<EditReminderLetterCommand, ReminderLetterDto>
{
    public async Task<ReminderLetterDto> Handle(EditReminderLetterCommand request, CancellationToken cancellationToken)
    {
        var letter = await db.ReminderLetters.SingleOrDefaultAsync(l => l.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("温馨提示函", "reminder letter");
        db.Entry(letter).Property(l => l.Version).OriginalValue = request.Version;
        letter.Edit(request.Body, user.DisplayName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return QuarterlyViews.Letter(letter);
    }
}

/// <summary>
/// Sends a draft letter: delivered to the deputy's account (in-app, and by their channels) with a link to the document;
/// who sent it and when, and the document as sent, are kept. A deputy without an account cannot be sent to (print it).
/// </summary>
[RequiresPermission(DeputiesPermissions.QuarterlyReportsManage)]
public sealed record SendReminderLetterCommand(Guid Id, Guid Version) : ICommand<ReminderLetterDto>;

public sealed record SendReminderLetterBody(Guid Version)
{
    public SendReminderLetterCommand ToCommand(Guid id) => new(id, Version);
}

internal sealed class SendReminderLetterCommandHandler(DeputiesDbContext db, INotifier notifier, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SendReminderLetterCommand, ReminderLetterDto>
{
    public async Task<ReminderLetterDto> Handle(SendReminderLetterCommand request, CancellationToken cancellationToken)
    {
        var letter = await db.ReminderLetters.SingleOrDefaultAsync(l => l.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("温馨提示函", "reminder letter");
        db.Entry(letter).Property(l => l.Version).OriginalValue = request.Version;
        var recipient = await db.Deputies.Where(d => d.Id == letter.DeputyId).Select(d => d.UserId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new BusinessRuleException("reminder_letter.no_account", Text.Of(
                "该代表尚未开通平台账号,无法在线发送,请下载打印后送达。", "The deputy has no account yet; print the letter and hand it over."));
        letter.MarkSent(user.UserId, user.DisplayName, recipient, QuarterlyDocuments.Letter(letter.Body), clock.GetUtcNow().UtcDateTime);
        await notifier.NotifyAsync(new Notification
        {
            TenantId = letter.TenantId,
            RecipientUserIds = [recipient],
            Category = "deputies.reminder-letter",
            Title = $"温馨提示函({QuarterlyDocuments.QuarterName(letter.Year, letter.Quarter)})",
            Body = letter.Body.Length > 3900 ? letter.Body[..3900] + "……" : letter.Body,
            Link = "/deputies/my-reports",
            DeduplicationKey = $"deputies.reminder-letter:{letter.Id:N}",
        }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return QuarterlyViews.Letter(letter);
    }
}

/// <summary>The tenant's minimum quarterly points (the default when never set).</summary>
[RequiresPermission(DeputiesPermissions.QuarterlyReportsRead)]
public sealed record GetQuarterlySettingsQuery : IQuery<QuarterlySettingsDto>;

internal sealed class GetQuarterlySettingsQueryHandler(DeputiesDbContext db, CongressPlatform.BuildingBlocks.Tenancy.ITenantContext tenant)
    : IRequestHandler<GetQuarterlySettingsQuery, QuarterlySettingsDto>
{
    public async Task<QuarterlySettingsDto> Handle(GetQuarterlySettingsQuery request, CancellationToken cancellationToken)
    {
        var settings = await db.QuarterlySettings.AsNoTracking().SingleOrDefaultAsync(s => s.TenantId == tenant.TenantId, cancellationToken);
        return settings is null
            ? new QuarterlySettingsDto(QuarterlySettings.DefaultMinimumPoints, true, null)
            : new QuarterlySettingsDto(settings.MinimumQuarterlyPoints, false, settings.Version);
    }
}

/// <summary>Sets the tenant's minimum quarterly points (tenant administrator or leader). <c>Version</c>: the one read, null the first time.</summary>
[RequiresPermission(DeputiesPermissions.QuarterlySettingsUpdate)]
public sealed record UpdateQuarterlySettingsCommand(int MinimumQuarterlyPoints, Guid? Version) : ICommand<QuarterlySettingsDto>;

internal sealed class UpdateQuarterlySettingsCommandValidator : AbstractValidator<UpdateQuarterlySettingsCommand>
{
    public UpdateQuarterlySettingsCommandValidator() => RuleFor(c => c.MinimumQuarterlyPoints).InclusiveBetween(0, 1000);
}

internal sealed class UpdateQuarterlySettingsCommandHandler(DeputiesDbContext db, CongressPlatform.BuildingBlocks.Tenancy.ITenantContext tenant, TimeProvider clock)
    : IRequestHandler<UpdateQuarterlySettingsCommand, QuarterlySettingsDto>
{
    public async Task<QuarterlySettingsDto> Handle(UpdateQuarterlySettingsCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await db.QuarterlySettings.SingleOrDefaultAsync(s => s.TenantId == tenant.TenantId, cancellationToken);
        if (settings is null)
        {
            settings = new QuarterlySettings(request.MinimumQuarterlyPoints, now);
            db.QuarterlySettings.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = request.Version ?? Guid.Empty;
            settings.Change(request.MinimumQuarterlyPoints, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new QuarterlySettingsDto(settings.MinimumQuarterlyPoints, false, settings.Version);
    }
}

public sealed record MyReportsDto(IReadOnlyList<QuarterlyReportDto> Reports, IReadOnlyList<ReminderLetterDto> Letters);

/// <summary>The signed-in deputy's own quarterly reports and the letters sent to them, in the active tenant.</summary>
[RequiresPermission(DeputiesPermissions.MyReportsRead)]
public sealed record GetMyReportsQuery : IQuery<MyReportsDto>;

internal sealed class GetMyReportsQueryHandler(DeputiesDbContext db, ICurrentUser user) : IRequestHandler<GetMyReportsQuery, MyReportsDto>
{
    public async Task<MyReportsDto> Handle(GetMyReportsQuery request, CancellationToken cancellationToken)
    {
        var deputyId = await MyDeputy.IdAsync(db, user, cancellationToken);
        if (deputyId is null)
        {
            return new MyReportsDto([], []);
        }
        var reports = await db.QuarterlyReports.AsNoTracking().Where(r => r.DeputyId == deputyId)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Quarter).ToListAsync(cancellationToken);
        var letters = await db.ReminderLetters.AsNoTracking().Where(l => l.DeputyId == deputyId && l.Status == ReminderLetterStatus.Sent)
            .OrderByDescending(l => l.Year).ThenByDescending(l => l.Quarter).ToListAsync(cancellationToken);
        return new MyReportsDto(reports.Select(QuarterlyViews.Report).ToList(), letters.Select(QuarterlyViews.Letter).ToList());
    }
}

public enum MyDocumentKind
{
    QuarterlyReport = 0,
    ReminderLetter = 1,
}

/// <summary>One of the signed-in deputy's own documents (a report, or a letter sent to them); anyone else's is a 404.</summary>
[RequiresPermission(DeputiesPermissions.MyReportsRead)]
public sealed record GetMyDocumentQuery(MyDocumentKind Kind, Guid Id) : IQuery<DocumentFileDto>;

internal sealed class GetMyDocumentQueryHandler(DeputiesDbContext db, ICurrentUser user) : IRequestHandler<GetMyDocumentQuery, DocumentFileDto>
{
    public async Task<DocumentFileDto> Handle(GetMyDocumentQuery request, CancellationToken cancellationToken)
    {
        var deputyId = await MyDeputy.IdAsync(db, user, cancellationToken) ?? Guid.Empty;
        if (request.Kind == MyDocumentKind.QuarterlyReport)
        {
            var report = await db.QuarterlyReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id && r.DeputyId == deputyId, cancellationToken)
                ?? throw NotFoundException.For("季度履职档案", "quarterly report");
            return new DocumentFileDto(report.Document, WordDocument.ContentType, QuarterlyViews.ReportFileName(report));
        }
        var letter = await db.ReminderLetters.AsNoTracking()
            .SingleOrDefaultAsync(l => l.Id == request.Id && l.DeputyId == deputyId && l.Status == ReminderLetterStatus.Sent, cancellationToken)
            ?? throw NotFoundException.For("温馨提示函", "reminder letter");
        return new DocumentFileDto(letter.SentDocument!, WordDocument.ContentType, QuarterlyViews.LetterFileName(letter));
    }
}

internal static class MyDeputy
{
    public static async Task<Guid?> IdAsync(DeputiesDbContext db, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is { } userId
            ? await db.Deputies.Where(d => d.UserId == userId).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(cancellationToken)
            : null;
}
