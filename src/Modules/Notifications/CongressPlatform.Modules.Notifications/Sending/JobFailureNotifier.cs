using System.Globalization;
using CongressPlatform.BuildingBlocks.Notifications;
using CongressPlatform.BuildingBlocks.Scheduling;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Notifications.Contracts;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.Modules.Notifications.Sending;

/// <summary>
/// Tells the system administrators when a scheduled job fails: the quarterly reports and the deadline reminders must not
/// stop unnoticed. At most one notice per job, tenant and Beijing day, however often the job fails that day.
/// </summary>
internal sealed class JobFailureNotifier(IMediator mediator, INotifier notifier) : IJobFailureObserver
{
    public async Task JobFailedAsync(JobFailure failure, CancellationToken cancellationToken)
    {
        var holders = await mediator.Send(new GetRoleHoldersQuery(Roles.SystemAdmin), cancellationToken);
        var local = TimeZoneInfo.ConvertTimeFromUtc(failure.FinishedAtUtc, ChinaTime.Zone);
        var day = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var seat in holders.GroupBy(h => h.TenantId))
        {
            await notifier.NotifyAsync(new Notification
            {
                TenantId = seat.Key,
                RecipientUserIds = seat.Select(h => h.UserId).Distinct().ToList(),
                Category = NotificationCategories.JobFailed,
                Title = $"定时任务失败:{failure.ZhDescription}",
                Body = $"定时任务“{failure.ZhDescription}”({failure.JobKey})于 {local:yyyy-MM-dd HH:mm:ss} 运行失败:{failure.Error}。" +
                    "请在“定时任务”中查看运行记录,排除原因后可立即运行。当天再次失败不再重复提醒。",
                Link = "/system/jobs",
                DeduplicationKey = $"platform.job-failed:{failure.JobKey}:{seat.Key:N}:{day}",
            }, cancellationToken);
        }
    }
}
