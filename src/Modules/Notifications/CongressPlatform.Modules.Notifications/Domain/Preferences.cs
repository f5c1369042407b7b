namespace CongressPlatform.Modules.Notifications.Domain;

/// <summary>How a person wants a category by e-mail. The inbox always receives everything.</summary>
public enum EmailMode
{
    /// <summary>No e-mail.</summary>
    Off = 0,

    /// <summary>One e-mail per notification, as soon as the delivery job runs.</summary>
    Immediately = 1,

    /// <summary>Collected into one e-mail a day (08:00 Beijing time).</summary>
    DailyDigest = 2,
}

/// <summary>A person's e-mail choice for one category. Per account, across tenants: it is the person's choice.</summary>
internal sealed class NotificationPreference
{
    public const EmailMode Default = EmailMode.Immediately;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public string Category { get; init; } = "";
    public EmailMode Email { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}
