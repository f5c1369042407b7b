using CongressPlatform.BuildingBlocks.Calendar;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Features.PublicOpinions;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Opinions;

/// <summary>Marks an opinion a duplicate of an earlier one (合并办理): it is closed, and the resident reads where it went.</summary>
[RequiresPermission(StationsPermissions.OpinionsManage)]
public sealed record MarkOpinionDuplicateCommand(Guid Id, Guid DuplicateOfId, string? Note) : ICommand<OpinionDetailDto>;

public sealed record MarkOpinionDuplicateBody(Guid DuplicateOfId, string? Note)
{
    public MarkOpinionDuplicateCommand ToCommand(Guid id) => new(id, DuplicateOfId, Note);
}

internal sealed class MarkOpinionDuplicateCommandValidator : AbstractValidator<MarkOpinionDuplicateCommand>
{
    public MarkOpinionDuplicateCommandValidator()
    {
        RuleFor(c => c.DuplicateOfId).NotEmpty();
        RuleFor(c => c.Note).MaximumLength(500);
    }
}

internal sealed class MarkOpinionDuplicateCommandHandler(StationsDbContext db, ICurrentUser user, IWorkingCalendar calendar, TimeProvider clock)
    : IRequestHandler<MarkOpinionDuplicateCommand, OpinionDetailDto>
{
    public async Task<OpinionDetailDto> Handle(MarkOpinionDuplicateCommand request, CancellationToken cancellationToken)
    {
        var opinion = await OpinionWorkflow.FindAsync(db, request.Id, cancellationToken);
        var original = await db.Opinions.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.DuplicateOfId, cancellationToken)
            ?? throw NotFoundException.For("被合并的原意见", "original opinion");
        var note = string.IsNullOrWhiteSpace(request.Note)
            ? $"您反映的问题与查询码 {original.TrackingCode} 的意见相同,已合并办理,请凭该查询码查看答复。"
            : request.Note.Trim();
        opinion.MarkDuplicateOf(original, note);
        var now = clock.GetUtcNow().UtcDateTime;
        OpinionWorkflow.Record(db, opinion, OpinionHistory.Duplicate, user, original.TrackingCode, now);
        await db.SaveChangesAsync(cancellationToken);
        return await OpinionDetails.BuildAsync(db, opinion, showContact: true, calendar, clock, cancellationToken);
    }
}
