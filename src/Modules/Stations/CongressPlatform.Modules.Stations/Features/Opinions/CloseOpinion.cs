using CongressPlatform.BuildingBlocks.Calendar;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Features.PublicOpinions;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Opinions;

/// <summary>办结: after feedback, or at once with a note for the resident (answered on the spot, outside our remit).</summary>
[RequiresPermission(StationsPermissions.OpinionsManage)]
public sealed record CloseOpinionCommand(Guid Id, string? Note) : ICommand<OpinionDetailDto>;

public sealed record CloseOpinionBody(string? Note)
{
    public CloseOpinionCommand ToCommand(Guid id) => new(id, Note);
}

internal sealed class CloseOpinionCommandValidator : AbstractValidator<CloseOpinionCommand>
{
    public CloseOpinionCommandValidator() => RuleFor(c => c.Note).MaximumLength(2000);
}

internal sealed class CloseOpinionCommandHandler(StationsDbContext db, ICurrentUser user, IWorkingCalendar calendar, TimeProvider clock)
    : IRequestHandler<CloseOpinionCommand, OpinionDetailDto>
{
    public async Task<OpinionDetailDto> Handle(CloseOpinionCommand request, CancellationToken cancellationToken)
    {
        var opinion = await OpinionWorkflow.FindAsync(db, request.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        opinion.Close(request.Note, now);
        OpinionWorkflow.Record(db, opinion, OpinionHistory.Closed, user, request.Note, now);
        await db.SaveChangesAsync(cancellationToken);
        return await OpinionDetails.BuildAsync(db, opinion, showContact: true, calendar, clock, cancellationToken);
    }
}
