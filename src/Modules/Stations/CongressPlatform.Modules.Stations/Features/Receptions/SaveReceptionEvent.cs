using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Receptions;

/// <summary>A participant as staff plan it: the deputy and where they receive (a station of the event, online, or their own constituency).</summary>
public sealed record ReceptionParticipantBody(Guid DeputyId, ReceptionVenueKind VenueKind, Guid? StationId);

/// <summary>
/// Plans a centralised reception event of the active tenant: its stations (open stations of the tenant), its online channel,
/// and its participants (serving deputies of the tenant, each at one venue).
/// </summary>
[RequiresPermission(StationsPermissions.ReceptionsManage)]
public sealed record CreateReceptionEventCommand(
    string Title, string? Theme, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, IReadOnlyList<Guid> StationIds, string? OnlineChannel,
    IReadOnlyList<ReceptionParticipantBody> Participants) : ICommand<ReceptionEventDto>, IReceptionPlan;

/// <summary>Changes a planned event; participants kept keep their attendance. <c>Version</c> is the one last read (409 when stale).</summary>
[RequiresPermission(StationsPermissions.ReceptionsManage)]
public sealed record UpdateReceptionEventCommand(
    Guid Id, string Title, string? Theme, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, IReadOnlyList<Guid> StationIds, string? OnlineChannel,
    IReadOnlyList<ReceptionParticipantBody> Participants, Guid Version) : ICommand<ReceptionEventDto>, IReceptionPlan;

public sealed record UpdateReceptionEventBody(
    string Title, string? Theme, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, IReadOnlyList<Guid> StationIds, string? OnlineChannel,
    IReadOnlyList<ReceptionParticipantBody> Participants, Guid Version)
{
    public UpdateReceptionEventCommand ToCommand(Guid id) => new(id, Title, Theme, Date, StartTime, EndTime, StationIds, OnlineChannel, Participants, Version);
}

internal interface IReceptionPlan
{
    string Title { get; }
    string? Theme { get; }
    DateOnly Date { get; }
    TimeOnly StartTime { get; }
    TimeOnly EndTime { get; }
    IReadOnlyList<Guid> StationIds { get; }
    string? OnlineChannel { get; }
    IReadOnlyList<ReceptionParticipantBody> Participants { get; }
}

/// <summary>The field rules of a plan, for creation and edits alike.</summary>
internal abstract class ReceptionPlanValidator<T> : AbstractValidator<T>
    where T : IReceptionPlan
{
    protected ReceptionPlanValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage(_ => Text.Of("请填写活动名称。", "Give the event a title."))
            .MaximumLength(100).WithMessage(_ => Text.Of("活动名称不能超过100字。", "The title is at most 100 characters."));
        RuleFor(c => c.Theme).MaximumLength(200).WithMessage(_ => Text.Of("活动主题不能超过200字。", "The theme is at most 200 characters."));
        RuleFor(c => c.OnlineChannel).MaximumLength(200).WithMessage(_ => Text.Of("线上渠道不能超过200字。", "The online channel is at most 200 characters."));
        RuleFor(c => c.EndTime).GreaterThan(c => c.StartTime).WithMessage(_ => Text.Of("结束时间须晚于开始时间。", "The event must end after it starts."));
        RuleFor(c => c.StationIds).NotNull().Must((c, ids) => ids.Count > 0 || !string.IsNullOrWhiteSpace(c.OnlineChannel))
            .WithMessage(_ => Text.Of("请至少选择一个接待联络站或填写线上渠道。", "Choose at least one station or give an online channel."))
            .Must(ids => ids is null || ids.Count <= 50).WithMessage(_ => Text.Of("接待联络站不能超过50个。", "At most 50 stations."));
        RuleFor(c => c.Participants).NotNull().NotEmpty().WithMessage(_ => Text.Of("请至少安排一位参加代表。", "Add at least one participating deputy."))
            .Must(ps => ps is null || ps.Count <= 300).WithMessage(_ => Text.Of("参加代表不能超过300位。", "At most 300 participants."))
            .Must(ps => ps is null || ps.Select(p => p.DeputyId).Distinct().Count() == ps.Count)
            .WithMessage(_ => Text.Of("同一位代表只能安排一个接待地点。", "Each deputy has one venue."));
        RuleForEach(c => c.Participants).Must((c, p) => p.VenueKind != ReceptionVenueKind.Station || (p.StationId is { } s && c.StationIds.Contains(s)))
            .WithMessage(_ => Text.Of("在联络站接待的代表须安排在本次活动的接待联络站。", "A deputy at a station must be at one of the event's stations."))
            .Must((c, p) => p.VenueKind != ReceptionVenueKind.Online || !string.IsNullOrWhiteSpace(c.OnlineChannel))
            .WithMessage(_ => Text.Of("线上接待的代表需要先填写线上渠道。", "Online reception needs the online channel."))
            .Must(p => p.VenueKind == ReceptionVenueKind.Station || p.StationId is null)
            .WithMessage(_ => Text.Of("线上或分散接待的代表不选联络站。", "Online or dispersed reception names no station."));
    }
}

internal sealed class CreateReceptionEventCommandValidator : ReceptionPlanValidator<CreateReceptionEventCommand>;

internal sealed class UpdateReceptionEventCommandValidator : ReceptionPlanValidator<UpdateReceptionEventCommand>
{
    public UpdateReceptionEventCommandValidator() => RuleFor(c => c.Version).NotEmpty();
}

internal sealed class CreateReceptionEventCommandHandler(StationsDbContext db, ITenantContext tenant, IMediator sender, TimeProvider clock)
    : IRequestHandler<CreateReceptionEventCommand, ReceptionEventDto>
{
    public async Task<ReceptionEventDto> Handle(CreateReceptionEventCommand request, CancellationToken cancellationToken)
    {
        var stations = await ReceptionAccess.StationsAsync(db, tenant, request.StationIds, cancellationToken);
        var deputies = await ReceptionAccess.ServingDeputiesAsync(sender, tenant, request.Participants.Select(p => p.DeputyId).ToList(), cancellationToken);
        var e = new ReceptionEvent(ReceptionPlans.Schedule(request), clock.GetUtcNow().UtcDateTime);
        db.ReceptionEvents.Add(e);
        db.ReceptionVenues.AddRange(stations.Select(s => new ReceptionVenue(e.Id, s.Id, s.Name)));
        db.ReceptionParticipants.AddRange(request.Participants.Select(p => new ReceptionParticipant(e.Id, p.DeputyId, deputies[p.DeputyId], p.VenueKind, p.StationId)));
        await db.SaveChangesAsync(cancellationToken);
        return await ReceptionAccess.DetailAsync(db, e, cancellationToken);
    }
}

internal sealed class UpdateReceptionEventCommandHandler(StationsDbContext db, ITenantContext tenant, IMediator sender, TimeProvider clock)
    : IRequestHandler<UpdateReceptionEventCommand, ReceptionEventDto>
{
    public async Task<ReceptionEventDto> Handle(UpdateReceptionEventCommand request, CancellationToken cancellationToken)
    {
        var e = await ReceptionAccess.EventAsync(db, request.Id, cancellationToken);
        ReceptionAccess.EnsureOwn(e, tenant);
        db.Entry(e).Property(x => x.Version).OriginalValue = request.Version;
        e.Update(ReceptionPlans.Schedule(request), clock.GetUtcNow().UtcDateTime);
        var stations = await ReceptionAccess.StationsAsync(db, tenant, request.StationIds, cancellationToken);
        var venues = await ReceptionAccess.VenuesAsync(db, e.Id, cancellationToken);
        db.ReceptionVenues.RemoveRange(venues.Where(v => !request.StationIds.Contains(v.StationId)));
        db.ReceptionVenues.AddRange(stations.Where(s => venues.All(v => v.StationId != s.Id)).Select(s => new ReceptionVenue(e.Id, s.Id, s.Name)));

        var participants = await ReceptionAccess.ParticipantsAsync(db, e.Id, cancellationToken);
        var wanted = request.Participants.ToDictionary(p => p.DeputyId);
        db.ReceptionParticipants.RemoveRange(participants.Where(p => !wanted.ContainsKey(p.DeputyId)));
        foreach (var kept in participants.Where(p => wanted.ContainsKey(p.DeputyId)))
        {
            kept.MoveTo(wanted[kept.DeputyId].VenueKind, wanted[kept.DeputyId].StationId);
        }
        var added = request.Participants.Where(p => participants.All(x => x.DeputyId != p.DeputyId)).ToList();
        var deputies = await ReceptionAccess.ServingDeputiesAsync(sender, tenant, added.Select(p => p.DeputyId).ToList(), cancellationToken);
        db.ReceptionParticipants.AddRange(added.Select(p => new ReceptionParticipant(e.Id, p.DeputyId, deputies[p.DeputyId], p.VenueKind, p.StationId)));
        await db.SaveChangesAsync(cancellationToken);
        return await ReceptionAccess.DetailAsync(db, e, cancellationToken);
    }
}

internal static class ReceptionPlans
{
    public static ReceptionSchedule Schedule(IReceptionPlan plan) =>
        new(plan.Title, plan.Theme, plan.Date, plan.StartTime, plan.EndTime, plan.OnlineChannel);
}
