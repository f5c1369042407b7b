using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.Modules.Stations.Features.Notices;

/// <summary>
/// Compiles the monthly notice of every active station of the caller's own tenant for the cut-off <see cref="CutOff"/>
/// (a 20th, not in the future; default the latest 20th): the opinions received and those answered in the period, scrubbed,
/// confidential ones only counted. Idempotent per station and cut-off: a published or withdrawn notice is left as it is,
/// a draft is compiled again (staff's exclusions and edited summaries are kept). A station with nothing in the period gets
/// no notice. With <see cref="Publish"/> the notices go public at once; otherwise they stay drafts until staff publish them.
/// </summary>
[RequiresPermission(StationsPermissions.NoticesManage)]
public sealed record CompileStationNoticesCommand(DateOnly? CutOff, bool Publish = false) : ICommand<StationNoticeRunDto>;

internal sealed class CompileStationNoticesCommandValidator : AbstractValidator<CompileStationNoticesCommand>
{
    public CompileStationNoticesCommandValidator(TimeProvider clock)
    {
        RuleFor(c => c.CutOff)
            .Must(d => d is null || NoticePeriod.IsCutOff(d.Value))
            .WithMessage(_ => Text.Of("公示截止日应为每月20日。", "The cut-off must be the 20th of a month."))
            .Must(d => d is null || d.Value <= ChinaTime.Today(clock))
            .WithMessage(_ => Text.Of("公示截止日不能晚于今天。", "The cut-off cannot be in the future."));
    }
}

internal sealed class CompileStationNoticesCommandHandler(StationsDbContext db, ITenantContext tenant, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CompileStationNoticesCommand, StationNoticeRunDto>
{
    public async Task<StationNoticeRunDto> Handle(CompileStationNoticesCommand request, CancellationToken cancellationToken)
    {
        var cutOff = request.CutOff ?? NoticePeriod.LatestCutOff(ChinaTime.Today(clock));
        var now = clock.GetUtcNow().UtcDateTime;
        var tenantId = tenant.TenantId;
        // Only the caller's own stations: a district supervisor compiles the district's, never a street's in its name.
        var stations = await db.Stations.AsNoTracking().Where(s => s.TenantId == tenantId && s.IsActive)
            .Select(s => new { s.Id, s.Name, s.TenantId, s.TenantPath }).ToListAsync(cancellationToken);
        var stationIds = stations.Select(s => s.Id).ToList();
        var notices = await db.StationNotices.Where(n => stationIds.Contains(n.StationId)).ToListAsync(cancellationToken);
        var firstOpinions = await db.Opinions.AsNoTracking()
            .Where(o => o.StationId != null && stationIds.Contains(o.StationId.Value) && o.DuplicateOfId == null)
            .GroupBy(o => o.StationId!.Value).Select(g => new { StationId = g.Key, First = g.Min(o => o.ReceivedOn) })
            .ToDictionaryAsync(g => g.StationId, g => g.First, cancellationToken);

        var periods = new Dictionary<Guid, NoticePeriod>();
        foreach (var station in stations)
        {
            var atCutOff = notices.SingleOrDefault(n => n.StationId == station.Id && n.PeriodEnd == cutOff);
            var previousEnd = notices.Where(n => n.StationId == station.Id && n != atCutOff).Select(n => (DateOnly?)n.PeriodEnd).Max();
            if (NoticePeriod.For(cutOff, previousEnd, firstOpinions.TryGetValue(station.Id, out var first) ? first : null) is { } period)
            {
                periods[station.Id] = period;
            }
        }
        var opinions = periods.Count == 0 ? [] : await LoadAsync(periods, cancellationToken);

        var (created, refreshed, published, unchanged) = (0, 0, 0, 0);
        foreach (var station in stations.Where(s => periods.ContainsKey(s.Id)))
        {
            var period = periods[station.Id];
            var existing = notices.SingleOrDefault(n => n.StationId == station.Id && n.PeriodEnd == cutOff);
            if (existing is { IsDraft: false })
            {
                unchanged++;
                continue;
            }
            var ofStation = opinions.Where(o => o.StationId == station.Id).Select(o => o.For(period)).Where(s => s.HasValue).Select(s => s!.Value).ToList();
            var confidential = ofStation.Count(s => s.Confidential);
            var sources = ofStation.Where(s => !s.Confidential).Select(s => s.Source).ToList();
            StationNotice notice;
            if (existing is null)
            {
                if (sources.Count == 0 && confidential == 0)
                {
                    continue;
                }
                notice = new StationNotice(station.Id, station.Name, period, now);
                ((ITenantOwned)notice).AssignTenant(station.TenantId, station.TenantPath);
                notice.Refresh(station.Name, period, confidential, now);
                db.StationNotices.Add(notice);
                created++;
            }
            else
            {
                notice = existing;
                notice.Refresh(station.Name, period, confidential, now);
                refreshed++;
            }
            await SyncItemsAsync(notice, station.TenantId, station.TenantPath, sources, cancellationToken);
            if (request.Publish)
            {
                notice.Publish(user.DisplayName is { Length: > 0 } name ? name : "系统", now);
                published++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new StationNoticeRunDto(cutOff, created, refreshed, published, unchanged);
    }

    private async Task SyncItemsAsync(StationNotice notice, Guid tenantId, string tenantPath, List<NoticeItemSource> sources, CancellationToken cancellationToken)
    {
        var items = db.Entry(notice).State == EntityState.Added
            ? []
            : await db.StationNoticeItems.Where(i => i.NoticeId == notice.Id).ToListAsync(cancellationToken);
        var byOpinion = items.ToDictionary(i => i.OpinionId);
        foreach (var source in sources)
        {
            if (!byOpinion.Remove(source.OpinionId, out var item))
            {
                item = new StationNoticeItem(notice.Id, source.OpinionId);
                ((ITenantOwned)item).AssignTenant(tenantId, tenantPath);
                db.StationNoticeItems.Add(item);
            }
            item.CopyFrom(source);
        }
        // Opinions no longer in the period (or now confidential, or merged as duplicates) leave the draft.
        db.StationNoticeItems.RemoveRange(byOpinion.Values);
    }

    private async Task<List<OpinionRow>> LoadAsync(Dictionary<Guid, NoticePeriod> periods, CancellationToken cancellationToken)
    {
        var ids = periods.Keys.ToList();
        var start = periods.Values.Min(p => p.Start);
        var startUtc = NoticeClock.StartUtc(start);
        return await db.Opinions.AsNoTracking()
            .Where(o => o.StationId != null && ids.Contains(o.StationId.Value) && o.DuplicateOfId == null
                && (o.ReceivedOn >= start || o.AnsweredAtUtc >= startUtc || o.FedBackAtUtc >= startUtc))
            .Select(o => new OpinionRow(o.Id, o.StationId!.Value, o.Category, o.ReceivedOn, o.Status, o.Confidential, o.Content, o.Answer,
                o.AnsweredAtUtc, o.Feedback, o.FedBackAtUtc, o.ContactName))
            .ToListAsync(cancellationToken);
    }

    private sealed record OpinionRow(
        Guid Id, Guid StationId, string? Category, DateOnly ReceivedOn, OpinionStatus Status, bool Confidential, string Content, string? Answer,
        DateTime? AnsweredAtUtc, string? Feedback, DateTime? FedBackAtUtc, string? ContactName)
    {
        /// <summary>The item for the period, or null when the opinion was neither received nor answered in it.</summary>
        public (bool Confidential, NoticeItemSource Source)? For(NoticePeriod period)
        {
            // What the resident was told (反馈, or the note of closing) is the public answer; else the unit's answer.
            var answeredAt = FedBackAtUtc ?? AnsweredAtUtc;
            DateOnly? answeredOn = answeredAt is { } at ? NoticeClock.ChinaDate(at) : null;
            var raised = period.Contains(ReceivedOn);
            var answered = answeredOn is { } on && period.Contains(on);
            if (!raised && !answered || ReceivedOn > period.End)
            {
                return null;
            }
            var text = Feedback is { Length: > 0 } ? Feedback : Answer;
            return (Confidential, new NoticeItemSource(Id, Category, ReceivedOn, answeredOn is { } o && o <= period.End ? o : null, raised,
                answered, Status, Content, answeredOn is { } a && a <= period.End ? text : null,
                ContactName is { } name ? [name] : []));
        }
    }
}

/// <summary>Beijing dates of UTC instants and back, for the notice's periods.</summary>
internal static class NoticeClock
{
    public static DateOnly ChinaDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime.Zone));

    public static DateTime StartUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), ChinaTime.Zone);
}

/// <summary>
/// The monthly job <c>stations.monthly-notices</c> (the 20th, 06:00 Beijing time): <see cref="CompileStationNoticesCommand"/>
/// for that day's cut-off in every tenant with an active station, each tenant in a scope and unit of work of its own.
/// <c>Stations:Notices:PublishDirectly</c> (default false) publishes at once; otherwise the notices wait as drafts for staff review.
/// </summary>
[RequiresPermission(StationsPermissions.NoticesRun)]
public sealed record RunMonthlyNoticesCommand : ICommand<int>;

internal sealed class RunMonthlyNoticesCommandHandler(
    StationsDbContext db, ITenantDirectory tenants, IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock,
    ILogger<RunMonthlyNoticesCommandHandler> logger)
    : IRequestHandler<RunMonthlyNoticesCommand, int>
{
    public const string PublishDirectlyKey = "Stations:Notices:PublishDirectly";

    public async Task<int> Handle(RunMonthlyNoticesCommand request, CancellationToken cancellationToken)
    {
        var cutOff = NoticePeriod.LatestCutOff(ChinaTime.Today(clock));
        var publish = string.Equals(configuration[PublishDirectlyKey], "true", StringComparison.OrdinalIgnoreCase);
        var tenantIds = await db.Stations.IgnoreQueryFilters().AsNoTracking().Where(s => s.IsActive)
            .Select(s => s.TenantId).Distinct().ToListAsync(cancellationToken);
        return await scopes.ForEachTenantAsync(tenants, tenantIds, async services =>
            {
                var run = await services.GetRequiredService<IMediator>().Send(new CompileStationNoticesCommand(cutOff, publish), cancellationToken);
                return run.Created + run.Refreshed;
            },
            logger, $"Monthly notices for the cut-off {cutOff}", cancellationToken);
    }
}
