namespace CongressPlatform.BuildingBlocks.Notifications;

/// <summary>
/// One notice to some users of one tenant: a deadline, a duty reminder, an export that is ready. It lands in each
/// recipient's inbox and, by their preferences and the tenant's channel settings, goes out by e-mail or to the
/// tenant's WeCom / DingTalk group robot.
/// </summary>
public sealed record Notification
{
    /// <summary>The tenant the item belongs to: the inbox link opens in it, and its channels deliver.</summary>
    public required Guid TenantId { get; init; }

    /// <summary>Account ids (the <c>sub</c> of the single sign-on).</summary>
    public required IReadOnlyCollection<Guid> RecipientUserIds { get; init; }

    /// <summary>
    /// Stable kind, <c>module.kind</c> (<c>exports.completed</c>, <c>stations.duty-reminder</c>): preferences are
    /// kept per category.
    /// </summary>
    public required string Category { get; init; }

    /// <summary>Short title in Chinese (the platform's language), shown in the inbox and as the mail subject.</summary>
    public required string Title { get; init; }

    /// <summary>Plain-text body in Chinese.</summary>
    public string Body { get; init; } = "";

    /// <summary>The item in the web client, a path such as <c>/system/exports</c>; null when there is nothing to open.</summary>
    public string? Link { get; init; }

    /// <summary>
    /// Makes a notice idempotent: a second call with the same key (a retried job, a redelivered event) adds nothing.
    /// Jobs use the period: <c>stations.duty-reminder:{stationId}:2026-W49</c>.
    /// </summary>
    public string? DeduplicationKey { get; init; }
}

/// <summary>The one call a module makes to notify users.</summary>
public interface INotifier
{
    /// <summary>
    /// Queues the notification. Inside a command it is saved with the command's unit of work (nothing is queued when
    /// the command fails); outside one it is saved at once. Delivery to the outbound channels happens in the
    /// background, retried, and never twice.
    /// </summary>
    Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default);
}
