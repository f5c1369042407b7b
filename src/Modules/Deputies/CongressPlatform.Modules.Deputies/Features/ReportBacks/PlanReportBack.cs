using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.ReportBacks;

/// <summary>
/// Plans a deputy's report-back for a year in the active tenant (one per deputy and year). The deputy must hold a serving
/// seat organised here; a city (or higher) seat makes it a report to the district standing committee.
/// </summary>
[RequiresPermission(DeputiesPermissions.ReportBacksManage)]
public sealed record PlanReportBackCommand(
    Guid DeputyId, int Year, DateOnly PlannedOn, string Place, ReportBackForm Form, int ExpectedRepresentatives,
    int MinBallots = 10, int SatisfiedThreshold = 80, int BasicThreshold = 60) : ICommand<ReportBackDto>;

internal sealed class PlanReportBackCommandValidator : AbstractValidator<PlanReportBackCommand>
{
    public PlanReportBackCommandValidator()
    {
        RuleFor(c => c.DeputyId).NotEmpty();
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100);
        RuleFor(c => c.PlannedOn).Must((c, d) => d.Year == c.Year)
            .WithMessage(_ => Text.Of("述职日期须在所选年度内。", "The date must fall in the chosen year."));
        PlanRules.Apply(this, c => c.Place, c => c.Form, c => c.ExpectedRepresentatives, c => c.MinBallots, c => c.SatisfiedThreshold, c => c.BasicThreshold);
    }
}

internal static class PlanRules
{
    public static void Apply<T>(AbstractValidator<T> v, System.Linq.Expressions.Expression<Func<T, string>> place,
        System.Linq.Expressions.Expression<Func<T, ReportBackForm>> form, System.Linq.Expressions.Expression<Func<T, int>> expected,
        System.Linq.Expressions.Expression<Func<T, int>> minBallots, System.Linq.Expressions.Expression<Func<T, int>> satisfied,
        System.Linq.Expressions.Expression<Func<T, int>> basic)
    {
        v.RuleFor(place).NotEmpty().MaximumLength(200);
        v.RuleFor(form).IsInEnum();
        v.RuleFor(expected).InclusiveBetween(0, 10000);
        v.RuleFor(minBallots).InclusiveBetween(1, 10000);
        v.RuleFor(satisfied).InclusiveBetween(1, 100);
        v.RuleFor(basic).InclusiveBetween(0, 100);
    }
}

internal sealed class PlanReportBackCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<PlanReportBackCommand, ReportBackDto>
{
    public async Task<ReportBackDto> Handle(PlanReportBackCommand request, CancellationToken cancellationToken)
    {
        var seat = await db.Seats.AsNoTracking()
            .Where(s => s.DeputyId == request.DeputyId && s.Status == SeatStatus.Serving)
            .OrderByDescending(s => s.Level).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("在任代表", "serving deputy");
        if (await db.ReportBacks.AnyAsync(r => r.DeputyId == request.DeputyId && r.Year == request.Year && r.TenantId == seat.TenantId, cancellationToken))
        {
            throw new ConflictException("report_back.exists", Text.Of($"该代表 {request.Year} 年度的述职已有安排。", $"The deputy's report-back for {request.Year} is already planned."));
        }
        var name = await db.Deputies.Where(d => d.Id == request.DeputyId).Select(d => d.Name).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var reportBack = new ReportBack(request.DeputyId, name, request.Year, seat.Level,
            new ReportBackPlan(request.PlannedOn, request.Place, request.Form, request.ExpectedRepresentatives, request.MinBallots,
                request.SatisfiedThreshold, request.BasicThreshold), now);
        ((ITenantOwned)reportBack).AssignTenant(seat.TenantId, seat.TenantPath);
        db.ReportBacks.Add(reportBack);
        await db.SaveChangesAsync(cancellationToken);
        return ReportBackViews.Full(reportBack, now, null);
    }
}
