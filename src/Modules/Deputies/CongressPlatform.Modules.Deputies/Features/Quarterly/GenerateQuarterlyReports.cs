using CongressPlatform.BuildingBlocks.Notifications;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Documents;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Deputies.Points;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.Quarterly;

/// <summary>
/// Produces the quarter's duty report of every serving deputy of the active tenant (a .docx and an in-app summary pushed to
/// the deputy's account; kept for staff when the deputy has no account), and a draft reminder letter (温馨提示函) for every
/// deputy under the tenant's minimum points. Idempotent: a deputy's report and letter for a quarter exist once; a second
/// run creates only what is missing (a deputy who joined since). Only for a quarter that is over.
/// </summary>
[RequiresPermission(DeputiesPermissions.QuarterlyReportsManage)]
public sealed record GenerateQuarterlyReportsCommand(int Year, int Quarter) : ICommand<QuarterlyRunDto>;

internal sealed class GenerateQuarterlyReportsCommandValidator : AbstractValidator<GenerateQuarterlyReportsCommand>
{
    public GenerateQuarterlyReportsCommandValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100);
        RuleFor(c => c.Quarter).InclusiveBetween(1, 4);
    }
}

internal sealed class GenerateQuarterlyReportsCommandHandler(
    DeputiesDbContext db, IDutyPoints points, INotifier notifier, ITenantContext tenant, TimeProvider clock)
    : IRequestHandler<GenerateQuarterlyReportsCommand, QuarterlyRunDto>
{
    public async Task<QuarterlyRunDto> Handle(GenerateQuarterlyReportsCommand request, CancellationToken cancellationToken)
    {
        if (tenant.IsSystem || !tenant.IsResolved)
        {
            throw new BusinessRuleException("quarterly.no_tenant", Text.Of("请在具体单位中生成季度履职档案。", "Generate quarterly reports within one organisation."));
        }
        var (year, quarter) = (request.Year, request.Quarter);
        var first = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        var end = first.AddMonths(3);
        var today = ChinaTime.Today(clock);
        if (today < end)
        {
            throw new BusinessRuleException("quarterly.not_over", Text.Of(
                $"{QuarterlyDocuments.QuarterName(year, quarter)}尚未结束,季度结束后才能生成履职档案。", "The quarter is not over yet."));
        }
        var tenantId = tenant.TenantId;
        var now = clock.GetUtcNow().UtcDateTime;

        // Serving deputies organised by this tenant (not its subtree: each street pushes its own).
        var deputies = await db.Seats.AsNoTracking()
            .Where(s => s.TenantId == tenantId && s.Status == SeatStatus.Serving)
            .Join(db.Deputies, s => s.DeputyId, d => d.Id, (s, d) => new { d.Id, d.Name, d.UserId })
            .Distinct().ToListAsync(cancellationToken);
        var ids = deputies.Select(d => d.Id).ToList();
        var minimum = await db.QuarterlySettings.Where(s => s.TenantId == tenantId).Select(s => (int?)s.MinimumQuarterlyPoints)
            .SingleOrDefaultAsync(cancellationToken) ?? QuarterlySettings.DefaultMinimumPoints;

        var reported = (await db.QuarterlyReports.Where(r => r.TenantId == tenantId && r.Year == year && r.Quarter == quarter)
            .Select(r => r.DeputyId).ToListAsync(cancellationToken)).ToHashSet();
        var lettered = (await db.ReminderLetters.Where(l => l.TenantId == tenantId && l.Year == year && l.Quarter == quarter)
            .Select(l => l.DeputyId).ToListAsync(cancellationToken)).ToHashSet();

        var totals = (await points.ForPeriodAsync(year, quarter, ids, cancellationToken)).ToDictionary(p => p.DeputyId);
        int Total(Guid id) => totals.TryGetValue(id, out var p) ? p.Total : 0;
        var ranking = deputies.Select(d => Total(d.Id)).OrderByDescending(t => t).ToList();
        int Rank(Guid id) => ranking.IndexOf(Total(id)) + 1;

        var pending = deputies.Where(d => !reported.Contains(d.Id)).Select(d => d.Id).ToList();
        var records = await db.DutyRecords.AsNoTracking()
            .Where(r => r.TenantId == tenantId && pending.Contains(r.DeputyId) && r.OccurredOn >= first && r.OccurredOn < end && !r.Withdrawn)
            .Select(r => new
            {
                r.DeputyId, r.OccurredOn, r.Kind, r.Title, r.Attendance, r.LeaveReason,
                Corrected = db.DutyRecords.Any(c => c.CorrectsRecordId == r.Id),
            })
            .ToListAsync(cancellationToken);

        int created = 0, delivered = 0, letters = 0;
        foreach (var deputy in deputies.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var total = Total(deputy.Id);
            var rank = Rank(deputy.Id);
            if (!reported.Contains(deputy.Id))
            {
                var lines = records.Where(r => r.DeputyId == deputy.Id)
                    .Select(r => new QuarterRecordLine(r.OccurredOn, r.Kind, r.Title, r.Attendance, r.LeaveReason,
                        r.Attendance == DutyAttendance.Attended && !r.Corrected))
                    .ToList();
                var byKind = totals.TryGetValue(deputy.Id, out var p) ? p.ByKind : new Dictionary<DutyKind, int>();
                var leaves = lines.Count(l => l.Attendance != DutyAttendance.Attended);
                var attended = lines.Count - leaves;
                var summary = $"{QuarterlyDocuments.QuarterName(year, quarter)},您在{tenant.TenantName}的履职积分为 {total} 分,"
                    + $"在 {deputies.Count} 名在任代表中排名第 {rank} 位;履职记录 {attended} 条,请假或缺席 {leaves} 次。详见附带的履职档案。";
                var document = QuarterlyDocuments.Report(tenant.TenantName, deputy.Name, year, quarter, total, rank, deputies.Count, byKind, lines, today);
                var report = new QuarterlyReport(deputy.Id, deputy.Name, year, quarter, total, rank, deputies.Count, attended, leaves, summary,
                    document, deputy.UserId, now);
                db.QuarterlyReports.Add(report);
                created++;
                if (deputy.UserId is { } userId)
                {
                    await notifier.NotifyAsync(new Notification
                    {
                        TenantId = tenantId,
                        RecipientUserIds = [userId],
                        Category = "deputies.quarterly-report",
                        Title = $"{QuarterlyDocuments.QuarterName(year, quarter)}履职档案",
                        Body = summary,
                        Link = "/deputies/my-reports",
                        DeduplicationKey = $"deputies.quarterly-report:{tenantId:N}:{deputy.Id:N}:{year}-Q{quarter}",
                    }, cancellationToken);
                    delivered++;
                }
            }
            if (total < minimum && !lettered.Contains(deputy.Id))
            {
                db.ReminderLetters.Add(new ReminderLetter(deputy.Id, deputy.Name, year, quarter, total, minimum,
                    QuarterlyDocuments.LetterBody(tenant.TenantName, deputy.Name, year, quarter, total, minimum, today), now));
                letters++;
            }
        }
        return new QuarterlyRunDto(year, quarter, deputies.Count, created, letters, delivered);
    }
}
