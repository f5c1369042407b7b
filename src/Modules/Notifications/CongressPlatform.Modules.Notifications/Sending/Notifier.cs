using CongressPlatform.BuildingBlocks.Notifications;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Notifications.Domain;
using CongressPlatform.Modules.Notifications.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Notifications.Sending;

/// <summary>
/// <see cref="INotifier"/>: writes the notification and one inbox row per recipient into this scope's
/// <see cref="NotificationsDbContext"/>. Inside a command the unit of work saves them after the command's own changes;
/// outside one they are saved at once. The delivery job expands them into e-mails and robot posts later.
/// </summary>
internal sealed class Notifier(NotificationsDbContext db, UnitOfWork unitOfWork, ITenantDirectory directory, TimeProvider clock) : INotifier
{
    public const int MaxRecipients = 1000;

    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        Validate(notification);
        var key = string.IsNullOrWhiteSpace(notification.DeduplicationKey) ? null : notification.DeduplicationKey.Trim();
        if (key is not null)
        {
            // Keys are global (they carry the ids they are about), so the look-up needs no tenant filter.
            var pending = db.ChangeTracker.Entries<NotificationRecord>().Any(e => e.Entity.DeduplicationKey == key);
            if (pending || await db.Notifications.IgnoreQueryFilters().AnyAsync(n => n.DeduplicationKey == key, cancellationToken))
            {
                return;
            }
        }
        var tenant = await directory.FindAsync(notification.TenantId, cancellationToken)
            ?? throw new ArgumentException($"Tenant {notification.TenantId} does not exist.", nameof(notification));
        var now = clock.GetUtcNow().UtcDateTime;
        var recipients = notification.RecipientUserIds.Distinct().ToList();
        var record = new NotificationRecord
        {
            Category = notification.Category.Trim(),
            Title = notification.Title.Trim(),
            Body = notification.Body.Trim(),
            Link = notification.Link,
            DeduplicationKey = key,
            Recipients = string.Join(',', recipients),
            CreatedAtUtc = now,
        };
        ((ITenantOwned)record).AssignTenant(tenant.Id, tenant.Path);
        db.Notifications.Add(record);
        foreach (var user in recipients)
        {
            var item = new InboxItem
            {
                NotificationId = record.Id,
                UserId = user,
                Category = record.Category,
                Title = record.Title,
                Body = record.Body,
                Link = record.Link,
                CreatedAtUtc = now,
            };
            ((ITenantOwned)item).AssignTenant(tenant.Id, tenant.Path);
            db.InboxItems.Add(item);
        }
        if (!unitOfWork.InCommand)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>A malformed notification is a programming error of the calling module, not a user's mistake.</summary>
    internal static void Validate(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        if (n.TenantId == Guid.Empty)
        {
            throw new ArgumentException("TenantId is required.", nameof(n));
        }
        if (n.RecipientUserIds is null || n.RecipientUserIds.Count == 0 || n.RecipientUserIds.Count > MaxRecipients || n.RecipientUserIds.Contains(Guid.Empty))
        {
            throw new ArgumentException($"Between 1 and {MaxRecipients} non-empty recipient ids are required.", nameof(n));
        }
        Require(n.Category, NotificationRecord.MaxCategoryLength, nameof(n.Category));
        Require(n.Title, NotificationRecord.MaxTitleLength, nameof(n.Title));
        if ((n.Body ?? "").Length > NotificationRecord.MaxBodyLength)
        {
            throw new ArgumentException($"Body is longer than {NotificationRecord.MaxBodyLength} characters.", nameof(n));
        }
        if (n.Link is not null && (!n.Link.StartsWith('/') || n.Link.StartsWith("//", StringComparison.Ordinal) || n.Link.Length > NotificationRecord.MaxLinkLength))
        {
            throw new ArgumentException("Link must be a path of the web client, such as /system/exports.", nameof(n));
        }
        if (n.DeduplicationKey is { Length: > NotificationRecord.MaxKeyLength })
        {
            throw new ArgumentException($"DeduplicationKey is longer than {NotificationRecord.MaxKeyLength} characters.", nameof(n));
        }
    }

    private static void Require(string? value, int max, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            throw new ArgumentException($"{name} is required, at most {max} characters.", name);
        }
    }
}
