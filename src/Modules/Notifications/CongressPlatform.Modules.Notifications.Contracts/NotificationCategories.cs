namespace CongressPlatform.Modules.Notifications.Contracts;

/// <summary>A kind of notice users can set preferences for, with its names for people.</summary>
public sealed record NotificationCategory(string Key, string ZhName, string EnName);

/// <summary>
/// The categories the preferences screen lists. A module that notifies under a new category adds it here; a category
/// not listed still reaches the inbox and follows the default e-mail setting (immediately).
/// </summary>
public static class NotificationCategories
{
    public const string MembershipChanged = "identity.membership-changed";
    public const string PasswordReset = "identity.password-reset";
    public const string ExportCompleted = "exports.completed";
    public const string JobFailed = "platform.job-failed";
    public const string ChannelTest = "notifications.test";

    public static IReadOnlyList<NotificationCategory> All { get; } =
    [
        new(MembershipChanged, "角色与权限变更", "Role and permission changes"),
        new(PasswordReset, "密码重置", "Password resets"),
        new(ExportCompleted, "导出完成", "Exports ready"),
        new(JobFailed, "定时任务失败", "Scheduled job failures"),
    ];
}
