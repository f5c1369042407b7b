using System.Reflection;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Notifications;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Scheduling;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Notifications.Channels;
using CongressPlatform.Modules.Notifications.Contracts;
using CongressPlatform.Modules.Notifications.Persistence;
using CongressPlatform.Modules.Notifications.Features.Deliveries;
using CongressPlatform.Modules.Notifications.Sending;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CongressPlatform.Modules.Notifications;

/// <summary>Notifications: the in-app inbox, preferences, and delivery by e-mail and WeCom / DingTalk group robots (docs/notifications.md).</summary>
public sealed class NotificationsModule : IModule
{
    public string Name => "notifications";

    public Assembly Assembly => typeof(NotificationsModule).Assembly;

    public Assembly ContractsAssembly => typeof(NotificationsPermissions).Assembly;

    public void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddModuleDbContext<NotificationsDbContext>();
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<DeliveryProcessor>();
        services.AddScoped<IJobFailureObserver, JobFailureNotifier>();
        services.AddSingleton<ChannelSecrets>();
        services.AddSingleton<INotificationChannel, SmtpChannel>();
        services.AddSingleton<INotificationChannel, WeComChannel>();
        services.AddSingleton<INotificationChannel, DingTalkChannel>();
        services.AddHttpClient(Robot.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddRecurringCommand<RunDeliveriesCommand>("notifications.deliveries", "0/30 * * * * ?",
            "发送通知邮件和群机器人消息(失败按退避重试)", "Send notification e-mails and group-robot posts (failures retried with back-off)");
        services.AddRecurringCommand<SendDailyDigestsCommand>("notifications.daily-digest", "0 0 8 * * ?",
            "每日 8:00 发送通知摘要邮件", "Send the daily notification digest e-mails at 08:00");
        services.AddPermissions(
        [
            new(NotificationsPermissions.InboxUse, "使用消息中心和通知设置", "Use the inbox and notification preferences", Roles.All),
            new(NotificationsPermissions.ChannelsManage, "管理通知渠道", "Manage notification channels", [Roles.SystemAdmin, Roles.TenantAdmin]),
            new(NotificationsPermissions.DeliveriesRun, "执行通知发送任务", "Run notification delivery jobs", [Roles.SystemAdmin]),
        ]);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => NotificationsEndpoints.Map(endpoints);
}
