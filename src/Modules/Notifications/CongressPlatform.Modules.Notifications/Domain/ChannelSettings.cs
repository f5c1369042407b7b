using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Notifications.Domain;

public enum SmtpSecurity
{
    /// <summary>Plain connection (a relay inside the government network).</summary>
    None = 0,

    /// <summary>STARTTLS on the submission port (587).</summary>
    StartTls = 1,
}

/// <summary>
/// A tenant's outbound channels. Secrets (SMTP password, the robot webhook URLs, which carry the robot's key, and the
/// DingTalk signing secret) are stored encrypted with Data Protection and never returned by the API.
/// </summary>
internal sealed class ChannelSettings : TenantOwnedEntity
{
    public bool SmtpEnabled { get; set; }
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public SmtpSecurity SmtpSecurity { get; set; }
    public string? SmtpUserName { get; set; }
    public string? SmtpPasswordProtected { get; set; }
    public string? SmtpFromAddress { get; set; }
    public string? SmtpFromName { get; set; }

    public bool WeComEnabled { get; set; }
    public string? WeComWebhookProtected { get; set; }

    public bool DingTalkEnabled { get; set; }
    public string? DingTalkWebhookProtected { get; set; }
    public string? DingTalkSecretProtected { get; set; }

    /// <summary>Categories the group robots receive, comma-separated. Empty: none (robots are opt-in per category).</summary>
    public string RobotCategories { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }

    public IReadOnlyList<string> RobotCategoryList => RobotCategories.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
