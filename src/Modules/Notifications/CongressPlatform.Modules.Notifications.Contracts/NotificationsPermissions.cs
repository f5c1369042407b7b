namespace CongressPlatform.Modules.Notifications.Contracts;

/// <summary>Permissions of the Notifications module (<c>notifications.resource.action</c>).</summary>
public static class NotificationsPermissions
{
    /// <summary>One's own inbox and notification preferences (every role).</summary>
    public const string InboxUse = "notifications.inbox.use";

    /// <summary>The tenant's outbound channels (SMTP, group robots) and their delivery log.</summary>
    public const string ChannelsManage = "notifications.channels.manage";

    /// <summary>Run the delivery and digest jobs (the system runs them; an administrator may run them now).</summary>
    public const string DeliveriesRun = "notifications.deliveries.run";
}
