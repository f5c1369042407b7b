using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Notifications.Domain;

/// <summary>
/// One notification as a module sent it. The delivery job expands it once (<see cref="ExpandedAtUtc"/>) into
/// deliveries by the recipients' preferences and the tenant's channels at that moment.
/// </summary>
internal sealed class NotificationRecord : TenantOwnedEntity
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 4000;
    public const int MaxCategoryLength = 100;
    public const int MaxLinkLength = 500;
    public const int MaxKeyLength = 300;

    public string Category { get; init; } = "";
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string? Link { get; init; }
    public string? DeduplicationKey { get; init; }

    /// <summary>The recipients, comma-separated (the inbox rows hold them too; this is what the expansion reads).</summary>
    public string Recipients { get; init; } = "";
    public DateTime CreatedAtUtc { get; init; }
    public DateTime? ExpandedAtUtc { get; set; }

    public IReadOnlyList<Guid> RecipientIds =>
        Recipients.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
}

/// <summary>A notification in one person's inbox.</summary>
internal sealed class InboxItem : TenantOwnedEntity
{
    public Guid NotificationId { get; init; }
    public Guid UserId { get; init; }
    public string Category { get; init; } = "";
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string? Link { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime? ReadAtUtc { get; private set; }

    public void MarkRead(DateTime now) => ReadAtUtc ??= now;
}
