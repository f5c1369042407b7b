using CongressPlatform.BuildingBlocks.Calendar;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Features.PublicOpinions;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Opinions;

/// <summary>
/// Refers an opinion to a handling unit the caller's scope sees or one of the tenants above it (a district department) (交办), due a number of working days after today
/// (default 15, counted on the working calendar: weekends and holidays skipped, make-up workdays counted).
/// </summary>
[RequiresPermission(StationsPermissions.OpinionsManage)]
public sealed record ReferOpinionCommand(Guid Id, Guid HandlingUnitId, int? WorkingDays) : ICommand<OpinionDetailDto>;

public sealed record ReferOpinionBody(Guid HandlingUnitId, int? WorkingDays)
{
    public ReferOpinionCommand ToCommand(Guid id) => new(id, HandlingUnitId, WorkingDays);
}

internal sealed class ReferOpinionCommandValidator : AbstractValidator<ReferOpinionCommand>
{
    public ReferOpinionCommandValidator()
    {
        RuleFor(c => c.HandlingUnitId).NotEmpty().WithMessage(_ => Text.Of("请选择承办单位。", "Choose a handling unit."));
        RuleFor(c => c.WorkingDays).InclusiveBetween(1, 60)
            .WithMessage(_ => Text.Of("办理期限应为 1 至 60 个工作日。", "The deadline is 1 to 60 working days."));
    }
}

internal sealed class ReferOpinionCommandHandler(StationsDbContext db, IMediator mediator, ICurrentUser user, IWorkingCalendar calendar, TimeProvider clock)
    : IRequestHandler<ReferOpinionCommand, OpinionDetailDto>
{
    public const int DefaultWorkingDays = 15;

    public async Task<OpinionDetailDto> Handle(ReferOpinionCommand request, CancellationToken cancellationToken)
    {
        var opinion = await OpinionWorkflow.FindAsync(db, request.Id, cancellationToken);
        var units = await OpinionReferralUnits.ListAsync(mediator, cancellationToken);
        var unit = units.FirstOrDefault(u => u.Id == request.HandlingUnitId) ?? throw new BusinessRuleException("opinion.unit_unknown", Text.Of(
            "承办单位不存在或已停用,请重新选择。", "The handling unit does not exist or is inactive."));
        var days = request.WorkingDays ?? DefaultWorkingDays;
        var due = await calendar.AddWorkingDaysAsync(ChinaTime.Today(clock), days, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        opinion.Refer(unit.Id, unit.Name, due, now);
        OpinionWorkflow.Record(db, opinion, OpinionHistory.Referred, user, $"{unit.Name},{days} 个工作日内办结(截止 {due:yyyy-MM-dd})", now);
        await db.SaveChangesAsync(cancellationToken);
        return await OpinionDetails.BuildAsync(db, opinion, showContact: true, calendar, clock, cancellationToken);
    }
}
