using System.Globalization;
using System.Text;
using CongressPlatform.Modules.Notifications.Contracts;
using CongressPlatform.Modules.Notifications.Domain;
using CongressPlatform.Modules.Notifications.Persistence;
using CongressPlatform.Modules.Notifications.Sending;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Notifications.Features.Deliveries;

/// <summary>The delivery job (every 30 seconds): expand new notifications, send what is due. Returns how many were sent.</summary>
[RequiresPermission(NotificationsPermissions.DeliveriesRun)]
public sealed record RunDeliveriesCommand : ICommand<int>;

internal sealed class RunDeliveriesCommandHandler(DeliveryProcessor processor) : IRequestHandler<RunDeliveriesCommand, int>
{
    public Task<int> Handle(RunDeliveriesCommand request, CancellationToken cancellationToken) => processor.RunAsync(cancellationToken);
}

/// <summary>
/// The daily digest (08:00 Beijing time): for each person and tenant, one e-mail with every notice waiting for the
/// digest. Idempotent per day: the digest's key (<c>digest:{tenant}:{user}:{date}</c>) is unique, so a second run the
/// same day adds nothing, and notices queued after the day's digest wait for the next one. Returns the digests queued.
/// </summary>
[RequiresPermission(NotificationsPermissions.DeliveriesRun)]
public sealed record SendDailyDigestsCommand : ICommand<int>;

internal sealed class SendDailyDigestsCommandHandler(NotificationsDbContext db, TimeProvider clock) : IRequestHandler<SendDailyDigestsCommand, int>
{
    public const int MaxItems = 50;

    public async Task<int> Handle(SendDailyDigestsCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        var waiting = await db.Deliveries.Where(d => d.Status == DeliveryStatus.AwaitingDigest)
            .OrderBy(d => d.CreatedAtUtc).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var group in waiting.GroupBy(d => (d.TenantId, d.RecipientUserId)))
        {
            var key = $"digest:{group.Key.TenantId:N}:{group.Key.RecipientUserId:N}:{today:yyyy-MM-dd}";
            if (await db.Deliveries.AnyAsync(d => d.DigestKey == key, cancellationToken))
            {
                continue;
            }
            var items = group.ToList();
            var first = items[0];
            var digest = new Delivery
            {
                NotificationId = Guid.CreateVersion7(),
                Channel = ChannelKind.Email,
                RecipientUserId = group.Key.RecipientUserId,
                Category = "notifications.digest",
                Subject = $"每日通知摘要({today:yyyy年M月d日},共 {items.Count} 条)",
                Body = Compose(items),
                Link = "/notifications",
                DigestKey = key,
                Status = DeliveryStatus.Pending,
                CreatedAtUtc = now.UtcDateTime,
                NextAttemptAtUtc = now.UtcDateTime,
            };
            ((ITenantOwned)digest).AssignTenant(first.TenantId, first.TenantPath);
            db.Deliveries.Add(digest);
            foreach (var item in items)
            {
                item.Status = DeliveryStatus.Digested;
                item.DigestId = digest.Id;
            }
            queued++;
        }
        return queued;
    }

    private static string Compose(List<Delivery> items)
    {
        var text = new StringBuilder($"您有 {items.Count} 条新通知:\r\n");
        foreach (var item in items.Take(MaxItems))
        {
            text.Append("\r\n· ").Append(item.Subject);
            if (item.Body.Length > 0)
            {
                text.Append("\r\n  ").Append(item.Body.Length > 200 ? item.Body[..200] + "…" : item.Body);
            }
        }
        if (items.Count > MaxItems)
        {
            text.Append(CultureInfo.InvariantCulture, $"\r\n\r\n……另有 {items.Count - MaxItems} 条,请在平台的消息中心查看。");
        }
        return text.ToString();
    }
}
