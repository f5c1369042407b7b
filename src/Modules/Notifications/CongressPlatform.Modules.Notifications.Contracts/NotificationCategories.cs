namespace CongressPlatform.Modules.Notifications.Contracts;

/// <summary>A kind of notice users can set preferences for, with its names for people.</summary>
public sealed record NotificationCategory(string Key, string ZhName, string EnName);

/// <summary>
/// The categories the preferences screen lists: those some module sends today. A module that notifies under a new category adds it here; a category
/// not listed still reaches the inbox and follows the default e-mail setting (immediately).
/// </summary>
public static class NotificationCategories
{
    public const string MembershipChanged = "identity.membership-changed";
    public const string ExportCompleted = "exports.completed";
    public const string ExportFailed = "exports.failed";
    public const string JobFailed = "platform.job-failed";
    public const string ChannelTest = "notifications.test";
    // Sent by the Deputies module's quarterly job (it names these keys itself: modules notify through the building
    // block's notifier, not this project); listed here so users can choose how each reaches them.
    public const string QuarterlyReport = "deputies.quarterly-report";
    public const string ReminderLetter = "deputies.reminder-letter";

    public static IReadOnlyList<NotificationCategory> All { get; } =
    [
        new(MembershipChanged, "角色与权限变更", "Role and permission changes"),
        new(ExportCompleted, "导出完成", "Exports ready"),
        new(ExportFailed, "导出失败", "Exports that failed"),
        new(JobFailed, "定时任务失败", "Scheduled job failures"),
        new(QuarterlyReport, "季度履职档案推送", "Quarterly duty reports"),
        new(ReminderLetter, "履职温馨提示函", "Duty reminder letters"),
    ];
}
