using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Deputies.Features.ReportBacks;

/// <summary>Changes the plan (date, place, form, representatives, quorum and thresholds) until the result is recorded.</summary>
[RequiresPermission(DeputiesPermissions.ReportBacksManage)]
public sealed record UpdateReportBackPlanCommand(
    Guid Id, DateOnly PlannedOn, string Place, ReportBackForm Form, int ExpectedRepresentatives,
    int MinBallots, int SatisfiedThreshold, int BasicThreshold, Guid Version) : ICommand<ReportBackDto>;

public sealed record UpdateReportBackPlanBody(DateOnly PlannedOn, string Place, ReportBackForm Form, int ExpectedRepresentatives,
    int MinBallots, int SatisfiedThreshold, int BasicThreshold, Guid Version)
{
    public UpdateReportBackPlanCommand ToCommand(Guid id) =>
        new(id, PlannedOn, Place, Form, ExpectedRepresentatives, MinBallots, SatisfiedThreshold, BasicThreshold, Version);
}

internal sealed class UpdateReportBackPlanCommandValidator : AbstractValidator<UpdateReportBackPlanCommand>
{
    public UpdateReportBackPlanCommandValidator()
    {
        RuleFor(c => c.Version).NotEmpty();
        PlanRules.Apply(this, c => c.Place, c => c.Form, c => c.ExpectedRepresentatives, c => c.MinBallots, c => c.SatisfiedThreshold, c => c.BasicThreshold);
    }
}

internal sealed class UpdateReportBackPlanCommandHandler(DeputiesDbContext db, TimeProvider clock) : IRequestHandler<UpdateReportBackPlanCommand, ReportBackDto>
{
    public async Task<ReportBackDto> Handle(UpdateReportBackPlanCommand request, CancellationToken cancellationToken)
    {
        var reportBack = await ReportBackLoader.LoadAsync(db, request.Id, request.Version, cancellationToken);
        if (request.PlannedOn.Year != reportBack.Year)
        {
            throw new BusinessRuleException("report_back.date_year", Text.Of("述职日期须在述职年度内。", "The date must fall in the report-back's year."));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        reportBack.UpdatePlan(new ReportBackPlan(request.PlannedOn, request.Place, request.Form, request.ExpectedRepresentatives,
            request.MinBallots, request.SatisfiedThreshold, request.BasicThreshold), now);
        await db.SaveChangesAsync(cancellationToken);
        return await ReportBackLoader.ViewAsync(db, reportBack, now, cancellationToken);
    }
}
