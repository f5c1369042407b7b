using CongressPlatform.Modules.Notifications.Contracts;
using CongressPlatform.Modules.Notifications.Domain;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Notifications.Features.Channels;

public sealed record CategoryDto(string Key, string Name);

/// <summary>A tenant's channels as the API shows them: whether each secret is set, never the secret.</summary>
public sealed record ChannelSettingsDto(
    bool SmtpEnabled, string? SmtpHost, int SmtpPort, SmtpSecurity SmtpSecurity, string? SmtpUserName, bool SmtpPasswordSet,
    string? SmtpFromAddress, string? SmtpFromName,
    bool WeComEnabled, bool WeComWebhookSet, bool DingTalkEnabled, bool DingTalkWebhookSet, bool DingTalkSecretSet,
    IReadOnlyList<string> RobotCategories, IReadOnlyList<CategoryDto> AvailableCategories, Guid? Version)
{
    internal static IReadOnlyList<CategoryDto> Categories =>
        NotificationCategories.All.Select(c => new CategoryDto(c.Key, Text.Of(c.ZhName, c.EnName))).ToList();

    internal static ChannelSettingsDto From(ChannelSettings? s) => s is null
        ? new(false, null, 25, SmtpSecurity.None, null, false, null, null, false, false, false, false, false, [], Categories, null)
        : new(s.SmtpEnabled, s.SmtpHost, s.SmtpPort, s.SmtpSecurity, s.SmtpUserName, s.SmtpPasswordProtected is not null,
            s.SmtpFromAddress, s.SmtpFromName, s.WeComEnabled, s.WeComWebhookProtected is not null, s.DingTalkEnabled,
            s.DingTalkWebhookProtected is not null, s.DingTalkSecretProtected is not null, s.RobotCategoryList, Categories, s.Version);
}
