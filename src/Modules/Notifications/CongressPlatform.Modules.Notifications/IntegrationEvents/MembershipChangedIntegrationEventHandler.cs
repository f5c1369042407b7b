using CongressPlatform.BuildingBlocks.Notifications;
using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Notifications.Contracts;
using CongressPlatform.Modules.Notifications.Persistence;

namespace CongressPlatform.Modules.Notifications.IntegrationEvents;

/// <summary>Tells a person that an administrator changed their roles in a tenant (their menu changes at the next sign-in).</summary>
internal sealed class MembershipChangedIntegrationEventHandler(NotificationsDbContext db, INotifier notifier)
    : IntegrationEventHandler<MembershipChangedIntegrationEvent, NotificationsDbContext>(db)
{
    public override string Name => "notifications.membership-changed";

    protected override Task Handle(MembershipChangedIntegrationEvent e, CancellationToken cancellationToken)
    {
        var roles = e.Roles.Count == 0 ? "无" : string.Join('、', e.Roles.Select(Roles.ZhName));
        var before = e.PreviousRoles.Count == 0 ? "无" : string.Join('、', e.PreviousRoles.Select(Roles.ZhName));
        return notifier.NotifyAsync(new Notification
        {
            TenantId = e.TenantId,
            RecipientUserIds = [e.UserId],
            Category = NotificationCategories.MembershipChanged,
            Title = $"您在「{e.TenantName}」的角色已变更",
            Body = $"现有角色:{roles}(原角色:{before})。新的菜单和权限在重新登录或切换单位后生效。",
            Link = "/profile",
            DeduplicationKey = $"identity.membership-changed:{e.EventId}",
        }, cancellationToken);
    }
}
