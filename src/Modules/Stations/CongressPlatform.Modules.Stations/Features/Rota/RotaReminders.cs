using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Notifications;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.Modules.Stations.Features.Rota;

/// <param name="WeekStart">The week whose deputies were reminded.</param>
/// <param name="Reminded">Deputies reminded by this run (a week already reminded is not counted again).</param>
/// <param name="Published">Draft weeks this run made public.</param>
public sealed record RotaReminderRunDto(DateOnly WeekStart, int Reminded, int Published);

/// <summary>
/// Reminds the deputy on duty of each station of the active scope for the week starting <see cref="WeekStart"/>
/// (default: next Monday) by an in-app notice (and e-mail or group robot as the tenant and the deputy chose), once per
/// station and week, and publishes that week if it is still a draft. Staff may run it by hand; running it again sends nothing.
/// </summary>
[RequiresPermission(StationsPermissions.RotaManage)]
public sealed record SendRotaRemindersCommand(DateOnly? WeekStart) : ICommand<RotaReminderRunDto>;

internal sealed class SendRotaRemindersCommandHandler(StationsDbContext db, IMediator sender, INotifier notifier, TimeProvider clock)
    : IRequestHandler<SendRotaRemindersCommand, RotaReminderRunDto>
{
    public async Task<RotaReminderRunDto> Handle(SendRotaRemindersCommand request, CancellationToken cancellationToken)
    {
        var weekStart = RotaPlanner.Monday(request.WeekStart ?? RotaAccess.NextMonday(ChinaTime.Today(clock)));
        var weeks = await db.RotaWeeks
            .Where(w => w.WeekStart == weekStart && (w.Status == RotaWeekStatus.Draft || w.Status == RotaWeekStatus.Published))
            .ToListAsync(cancellationToken);
        var stationIds = weeks.Select(w => w.StationId).ToList();
        var stations = await db.Stations.AsNoTracking().Where(s => stationIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var (reminded, published) = (0, 0);
        foreach (var week in weeks)
        {
            if (week.Status == RotaWeekStatus.Draft)
            {
                week.Publish(now);
                published++;
            }
            if (week.ReminderSentAtUtc is not null || !stations.TryGetValue(week.StationId, out var station))
            {
                continue;
            }
            var reached = await RotaNotices.NotifyDeputiesAsync(sender, notifier, week.TenantId, [week.DeputyId], RotaNotices.ReminderCategory,
                $"驻站值班提醒:{station.Name}",
                $"{week.DeputyName}代表您好:{week.WeekStart:M月d日}至{week.WeekEnd:M月d日}由您在{station.Name}驻站接待群众。"
                + $"地址:{station.Address};接待时间:{station.OpeningHours}。如不能到岗,请及时申请调班或请假。",
                "/stations/my-duty", $"{RotaNotices.ReminderCategory}:{station.Id}:{week.WeekStart:yyyy-MM-dd}", cancellationToken);
            if (reached.Count > 0)
            {
                week.MarkReminded(now);
                reminded++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new RotaReminderRunDto(weekStart, reminded, published);
    }
}

/// <summary>
/// The weekly job <c>stations.rota-reminders</c> (Fridays 09:00 Beijing time): <see cref="SendRotaRemindersCommand"/>
/// for next week in every tenant that has a rota week then, each tenant in a scope and unit of work of its own.
/// </summary>
[RequiresPermission(StationsPermissions.RotaRemindersRun)]
public sealed record RunRotaRemindersCommand : ICommand<int>;

internal sealed class RunRotaRemindersCommandHandler(
    StationsDbContext db, ITenantDirectory tenants, IServiceScopeFactory scopes, TimeProvider clock, ILogger<RunRotaRemindersCommandHandler> logger)
    : IRequestHandler<RunRotaRemindersCommand, int>
{
    public async Task<int> Handle(RunRotaRemindersCommand request, CancellationToken cancellationToken)
    {
        var weekStart = RotaAccess.NextMonday(ChinaTime.Today(clock));
        var tenantIds = await db.RotaWeeks.IgnoreQueryFilters().AsNoTracking()
            .Where(w => w.WeekStart == weekStart && (w.Status == RotaWeekStatus.Draft || w.Status == RotaWeekStatus.Published))
            .Select(w => w.TenantId).Distinct().ToListAsync(cancellationToken);
        return await scopes.ForEachTenantAsync(tenants, tenantIds,
            async services => (await services.GetRequiredService<IMediator>().Send(new SendRotaRemindersCommand(weekStart), cancellationToken)).Reminded,
            logger, $"Duty reminders for the week of {weekStart}", cancellationToken);
    }
}
