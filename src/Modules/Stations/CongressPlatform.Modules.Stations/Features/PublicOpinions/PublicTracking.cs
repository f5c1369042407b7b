using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.PublicOpinions;

/// <summary>
/// What the tracking page shows by code: status and dates, the station and the deputy, and — once fed back — the answer
/// given to the resident. Never the contact; for a confidential opinion nothing but the status and the dates.
/// </summary>
public sealed record PublicOpinionStatusDto(
    string TrackingCode, OpinionStatus Status, string StatusName, string? StationName, string? DeputyName, DateOnly ReceivedOn,
    DateTime? ReferredAtUtc, DateOnly? DueOn, DateTime? FedBackAtUtc, string? Content, string? Feedback, OpinionRating? Rating, bool CanRate);

[NoPermissionRequired("The public tracking page: the unguessable tracking code is the key")]
public sealed record TrackOpinionQuery(string Code) : IQuery<PublicOpinionStatusDto>;

internal sealed class TrackOpinionQueryHandler(StationsDbContext db) : IRequestHandler<TrackOpinionQuery, PublicOpinionStatusDto>
{
    public async Task<PublicOpinionStatusDto> Handle(TrackOpinionQuery request, CancellationToken cancellationToken)
    {
        var o = await PublicTracking.FindAsync(db, request.Code, cancellationToken);
        var station = o.StationId is { } id
            ? await db.Stations.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var answered = o.Feedback is not null && o.Status is OpinionStatus.FedBack or OpinionStatus.Closed;
        return new PublicOpinionStatusDto(o.TrackingCode, o.Status, OpinionStatuses.ZhName(o.Status), station, o.DeputyName, o.ReceivedOn,
            o.ReferredAtUtc, o.DueOn, o.FedBackAtUtc,
            o.Confidential ? null : o.Content,
            o.Confidential || !answered ? null : o.Feedback,
            o.Rating, answered && o.Rating is null);
    }
}

public sealed record RateOpinionBody(OpinionRating Rating);

/// <summary>The resident rates the answer (满意/基本满意/不满意), once, after it was fed back.</summary>
[NoPermissionRequired("The public tracking page: the unguessable tracking code is the key")]
public sealed record RateOpinionCommand(string Code, OpinionRating Rating) : ICommand<PublicOpinionStatusDto>;

internal sealed class RateOpinionCommandValidator : AbstractValidator<RateOpinionCommand>
{
    public RateOpinionCommandValidator() => RuleFor(c => c.Rating).IsInEnum();
}

internal sealed class RateOpinionCommandHandler(StationsDbContext db, ITenantContext tenant, ITenantDirectory tenants, IMediator mediator, TimeProvider clock)
    : IRequestHandler<RateOpinionCommand, PublicOpinionStatusDto>
{
    public async Task<PublicOpinionStatusDto> Handle(RateOpinionCommand request, CancellationToken cancellationToken)
    {
        var found = await PublicTracking.FindAsync(db, request.Code, cancellationToken);
        var info = await tenants.FindAsync(found.TenantId, cancellationToken) ?? throw PublicTracking.NotFound();
        ((TenantContext)tenant).SetTenant(info, supervisesSubtree: false);
        var opinion = await db.Opinions.SingleAsync(o => o.Id == found.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        opinion.Rate(request.Rating, now);
        db.OpinionEvents.Add(new OpinionEvent(opinion.Id, OpinionHistory.Rated, "群众", request.Rating.ToString(), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("opinion.already_rated", Text.Of("您已经评价过了,感谢您的参与。", "This answer has already been rated."));
        }
        return await mediator.Send(new TrackOpinionQuery(opinion.TrackingCode), cancellationToken);
    }
}

internal static class PublicTracking
{
    public static NotFoundException NotFound() => new("opinion.code_not_found", Text.Of(
        "查询码不存在,请核对后重新输入(共 10 位,不含数字 0、1 和字母 I、L、O)。", "There is no opinion with that tracking code."));

    public static async Task<Opinion> FindAsync(StationsDbContext db, string code, CancellationToken cancellationToken)
    {
        var normalized = TrackingCodes.Normalize(code) ?? throw NotFound();
        return await db.Opinions.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(o => o.TrackingCode == normalized, cancellationToken)
            ?? throw NotFound();
    }
}
