using CongressPlatform.BuildingBlocks.Calendar;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Features.PublicOpinions;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Opinions;

/// <summary>Triage (分拣): category, community, the confidential flag, and the deputy who received it (one of the station's).</summary>
[RequiresPermission(StationsPermissions.OpinionsManage)]
public sealed record TriageOpinionCommand(Guid Id, string? Category, string? Community, bool Confidential, Guid? DeputyId) : ICommand<OpinionDetailDto>;

public sealed record TriageOpinionBody(string? Category, string? Community, bool Confidential, Guid? DeputyId)
{
    public TriageOpinionCommand ToCommand(Guid id) => new(id, Category, Community, Confidential, DeputyId);
}

internal sealed class TriageOpinionCommandValidator : AbstractValidator<TriageOpinionCommand>
{
    public TriageOpinionCommandValidator()
    {
        RuleFor(c => c.Category).MaximumLength(50);
        RuleFor(c => c.Community).MaximumLength(100);
    }
}

internal sealed class TriageOpinionCommandHandler(StationsDbContext db, ICurrentUser user, IWorkingCalendar calendar, TimeProvider clock)
    : IRequestHandler<TriageOpinionCommand, OpinionDetailDto>
{
    public async Task<OpinionDetailDto> Handle(TriageOpinionCommand request, CancellationToken cancellationToken)
    {
        var opinion = await OpinionWorkflow.FindAsync(db, request.Id, cancellationToken);
        var deputyName = request.DeputyId == opinion.DeputyId
            ? opinion.DeputyName
            : await OpinionWorkflow.DeputyNameAsync(db, opinion.StationId, request.DeputyId, cancellationToken);
        opinion.Triage(request.Category, request.Community, request.Confidential, request.DeputyId, deputyName);
        var now = clock.GetUtcNow().UtcDateTime;
        OpinionWorkflow.Record(db, opinion, OpinionHistory.Triaged, user, opinion.Category, now);
        await db.SaveChangesAsync(cancellationToken);
        return await OpinionDetails.BuildAsync(db, opinion, showContact: true, calendar, clock, cancellationToken);
    }
}
