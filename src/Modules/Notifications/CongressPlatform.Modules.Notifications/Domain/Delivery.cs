using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Notifications.Domain;

public enum ChannelKind
{
    Email = 0,
    WeCom = 1,
    DingTalk = 2,
}

public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending = 0,

    /// <summary>Claimed by a node that is sending it (until <see cref="Delivery.ClaimedUntilUtc"/>).</summary>
    Sending = 1,

    Sent = 2,

    /// <summary>Gave up after <see cref="Delivery.MaxAttempts"/> attempts, or nothing can be sent (no address).</summary>
    Failed = 3,

    /// <summary>An e-mail waiting for the recipient's daily digest.</summary>
    AwaitingDigest = 4,

    /// <summary>Went out inside a digest (<see cref="Delivery.DigestId"/>).</summary>
    Digested = 5,
}

/// <summary>
/// One message to one channel: an e-mail to one person (or their digest), or one post to a group robot. Its content
/// is a snapshot, so a retry sends what the first attempt sent. Unique per (notification, channel, recipient).
/// </summary>
internal sealed class Delivery : TenantOwnedEntity
{
    public const int MaxAttempts = 6;
    public const int MaxErrorLength = 1000;

    /// <summary>The notification; for a digest, the digest's own id.</summary>
    public Guid NotificationId { get; init; }
    public ChannelKind Channel { get; init; }

    /// <summary>The person for e-mail; <see cref="Guid.Empty"/> for a group robot.</summary>
    public Guid RecipientUserId { get; init; }
    public string Category { get; init; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; init; }

    /// <summary><c>digest:{user}:{yyyy-MM-dd}</c> for a digest: one a person a day, whoever runs the job.</summary>
    public string? DigestKey { get; init; }
    public Guid? DigestId { get; set; }

    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }
}

/// <summary>One attempt to send a delivery: when, how long, and what the other side said.</summary>
internal sealed class DeliveryAttempt : TenantOwnedEntity
{
    public Guid DeliveryId { get; init; }
    public int Number { get; init; }
    public DateTime StartedAtUtc { get; init; }
    public int DurationMs { get; init; }
    public bool Succeeded { get; init; }

    /// <summary>The HTTP status (robots) or SMTP reply code, when there was one.</summary>
    public int? StatusCode { get; init; }
    public string? Error { get; init; }
}
