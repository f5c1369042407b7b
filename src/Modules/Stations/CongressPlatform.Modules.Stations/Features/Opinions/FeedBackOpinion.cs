using CongressPlatform.BuildingBlocks.Calendar;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Features.PublicOpinions;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Opinions;

/// <summary>Staff feed the unit's answer back to the resident (反馈); the text is what the tracking page shows.</summary>
[RequiresPermission(StationsPermissions.OpinionsManage)]
public sealed record FeedBackOpinionCommand(Guid Id, string Feedback) : ICommand<OpinionDetailDto>;

public sealed record FeedBackOpinionBody(string Feedback)
{
    public FeedBackOpinionCommand ToCommand(Guid id) => new(id, Feedback);
}

internal sealed class FeedBackOpinionCommandValidator : AbstractValidator<FeedBackOpinionCommand>
{
    public FeedBackOpinionCommandValidator() =>
        RuleFor(c => c.Feedback).NotEmpty().WithMessage(_ => Text.Of("请填写反馈给群众的内容。", "Write the feedback for the resident."))
            .MaximumLength(2000);
}

internal sealed class FeedBackOpinionCommandHandler(StationsDbContext db, ICurrentUser user, IWorkingCalendar calendar, TimeProvider clock)
    : IRequestHandler<FeedBackOpinionCommand, OpinionDetailDto>
{
    public async Task<OpinionDetailDto> Handle(FeedBackOpinionCommand request, CancellationToken cancellationToken)
    {
        var opinion = await OpinionWorkflow.FindAsync(db, request.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        opinion.FeedBack(request.Feedback, now);
        OpinionWorkflow.Record(db, opinion, OpinionHistory.FedBack, user, null, now);
        await db.SaveChangesAsync(cancellationToken);
        return await OpinionDetails.BuildAsync(db, opinion, showContact: true, calendar, clock, cancellationToken);
    }
}
