using CongressPlatform.BuildingBlocks.Audit;
using CongressPlatform.BuildingBlocks.Calendar;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Features.PublicOpinions;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.Modules.Stations.Features.Opinions;

public sealed record AssignedOpinionDto(
    Guid Id, string TrackingCode, OpinionStatus Status, string? StationName, string? DeputyName, string Content, string? Category,
    string? Community, string? HandlingUnitName, DateTime? ReferredAtUtc, DateOnly? DueOn, OpinionSla Sla, int? WorkingDaysLeft,
    string? Answer, DateTime? AnsweredAtUtc, IReadOnlyList<Guid> PhotoIds);

/// <summary>"指派给我": the opinions referred to the handling units the signed-in officer belongs to (a district department's include
/// those streets referred to it), waiting ones first. No contact.</summary>
[RequiresPermission(StationsPermissions.OpinionsAnswer)]
public sealed record ListAssignedOpinionsQuery : IQuery<IReadOnlyList<AssignedOpinionDto>>;

internal sealed class ListAssignedOpinionsQueryHandler(StationsDbContext db, IMediator mediator, IWorkingCalendar calendar, TimeProvider clock)
    : IRequestHandler<ListAssignedOpinionsQuery, IReadOnlyList<AssignedOpinionDto>>
{
    public async Task<IReadOnlyList<AssignedOpinionDto>> Handle(ListAssignedOpinionsQuery request, CancellationToken cancellationToken)
    {
        var units = await mediator.Send(new GetMyHandlingUnitIdsQuery(), cancellationToken);
        var rows = await AssignedOpinions.Of(db, units)
            .OrderBy(o => o.Status).ThenBy(o => o.DueOn).ThenBy(o => o.Id).Take(500)
            .Select(o => new
            {
                o.Id, o.TrackingCode, o.Status, StationName = db.Stations.IgnoreQueryFilters().Where(s => s.Id == o.StationId).Select(s => s.Name).FirstOrDefault(),
                o.DeputyName, o.Content, o.Category, o.Community, o.HandlingUnitName, o.ReferredAtUtc, o.DueOn, o.Answer, o.AnsweredAtUtc,
            })
            .ToListAsync(cancellationToken);
        var photos = await OpinionPhotoFiles.IdsByOpinionAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
        var today = ChinaTime.Today(clock);
        var items = new List<AssignedOpinionDto>(rows.Count);
        foreach (var r in rows)
        {
            var (sla, left) = await OpinionWorkflow.SlaAsync(calendar, r.Status, r.DueOn, today, cancellationToken);
            items.Add(new AssignedOpinionDto(r.Id, r.TrackingCode, r.Status, r.StationName, r.DeputyName, r.Content, r.Category, r.Community,
                r.HandlingUnitName, r.ReferredAtUtc, r.DueOn, sla, left, r.Answer, r.AnsweredAtUtc, photos.GetValueOrDefault(r.Id) ?? []));
        }
        return items;
    }
}

/// <summary>The handling unit's written answer (答复), by an officer of the unit it was referred to; anyone else gets 404.</summary>
[RequiresPermission(StationsPermissions.OpinionsAnswer)]
public sealed record AnswerOpinionCommand(Guid Id, string Answer) : ICommand<AssignedOpinionDto>;

public sealed record AnswerOpinionBody(string Answer)
{
    public AnswerOpinionCommand ToCommand(Guid id) => new(id, Answer);
}

internal sealed class AnswerOpinionCommandValidator : AbstractValidator<AnswerOpinionCommand>
{
    public AnswerOpinionCommandValidator() =>
        RuleFor(c => c.Answer).NotEmpty().WithMessage(_ => Text.Of("请填写答复内容。", "Write the answer.")).MaximumLength(4000);
}

internal sealed class AnswerOpinionCommandHandler(
    StationsDbContext db, IMediator mediator, ICurrentUser user, ITenantContext tenant, ITenantDirectory tenants, IServiceScopeFactory scopes,
    AuditCollector audit, TimeProvider clock)
    : IRequestHandler<AnswerOpinionCommand, AssignedOpinionDto>
{
    public async Task<AssignedOpinionDto> Handle(AnswerOpinionCommand request, CancellationToken cancellationToken)
    {
        var units = await mediator.Send(new GetMyHandlingUnitIdsQuery(), cancellationToken);
        var found = await AssignedOpinions.Of(db, units).Where(o => o.Id == request.Id).Select(o => new { o.TenantId, o.TenantPath })
            .SingleOrDefaultAsync(cancellationToken) ?? throw OpinionWorkflow.NotFound();
        if (tenant.Covers(found.TenantId, found.TenantPath))
        {
            return await AnswerAsync(db, request, units, cancellationToken);
        }
        // Referred from below (a street's opinion to a district department): the officer was found to be of the unit
        // it was referred to, so the answer is written in the opinion's own tenant, and only this opinion is touched.
        var owner = await tenants.FindAsync(found.TenantId, cancellationToken) ?? throw OpinionWorkflow.NotFound();
        using var scope = scopes.CreateTenantSystemScope(owner);
        var answered = await AnswerAsync(scope.ServiceProvider.GetRequiredService<StationsDbContext>(), request, units, cancellationToken);
        // Saved in the inner scope, so this command's entry names what changed.
        audit.Note = $"答复{owner.Name}转办的社情民意 {answered.TrackingCode}({answered.HandlingUnitName})";
        return answered;
    }

    private async Task<AssignedOpinionDto> AnswerAsync(StationsDbContext context, AnswerOpinionCommand request, IReadOnlyList<Guid> units,
        CancellationToken cancellationToken)
    {
        var opinion = await AssignedOpinions.Of(context, units).AsTracking().SingleOrDefaultAsync(o => o.Id == request.Id, cancellationToken)
            ?? throw OpinionWorkflow.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var by = user.DisplayName is { Length: > 0 } name ? name : "—";
        opinion.AnswerWith(request.Answer, by, now);
        OpinionWorkflow.Record(context, opinion, OpinionHistory.Answered, user, opinion.HandlingUnitName, now);
        await context.SaveChangesAsync(cancellationToken);
        return new AssignedOpinionDto(opinion.Id, opinion.TrackingCode, opinion.Status, null, opinion.DeputyName, opinion.Content, opinion.Category,
            opinion.Community, opinion.HandlingUnitName, opinion.ReferredAtUtc, opinion.DueOn, OpinionSla.None, null, opinion.Answer, opinion.AnsweredAtUtc,
            (await OpinionPhotoFiles.ListAsync(context, opinion.Id, cancellationToken)).Select(p => p.Id).ToList());
    }
}

internal static class AssignedOpinions
{
    /// <summary>
    /// Opinions referred to one of the units, in whichever tenant: a district department's officer answers what a street
    /// referred to it, and sees nothing else of the street (only opinions naming one of the officer's own units).
    /// </summary>
    public static IQueryable<Opinion> Of(StationsDbContext db, IReadOnlyList<Guid> units) =>
        db.Opinions.IgnoreQueryFilters().AsNoTracking().Where(o => o.HandlingUnitId != null && units.Contains(o.HandlingUnitId.Value)
            && (o.Status == OpinionStatus.Referred || o.Status == OpinionStatus.Answered || o.Status == OpinionStatus.FedBack || o.Status == OpinionStatus.Closed));
}
