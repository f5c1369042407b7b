using System.Diagnostics;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Notifications.Channels;
using CongressPlatform.Modules.Notifications.Domain;
using CongressPlatform.Modules.Notifications.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.Modules.Notifications.Sending;

/// <summary>
/// The delivery job's work, in a system scope: (1) expand new notifications into deliveries by the recipients'
/// preferences and the tenant's channels; (2) claim due deliveries and send them, recording every attempt.
/// <para>
/// Claiming is one conditional UPDATE (status Pending → Sending, with a lease): of two nodes, or of a restarted node
/// and a stale run, exactly one wins a row. A crash after the remote side accepted but before the outcome was saved
/// leaves the row Sending until the lease ends, then it is sent again: that window is the one at-least-once gap
/// (an e-mail keeps its Message-ID, so mail systems can drop the copy).
/// </para>
/// </summary>
internal sealed class DeliveryProcessor(
    NotificationsDbContext db, IMediator mediator, IEnumerable<INotificationChannel> channels, ChannelSecrets secrets,
    TimeProvider clock, ILogger<DeliveryProcessor> logger)
{
    public const int BatchSize = 50;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await ExpandAsync(cancellationToken);
        return await SendDueAsync(cancellationToken);
    }

    /// <summary>Turns each new notification into its deliveries, once: the deliveries and the mark are saved together.</summary>
    public async Task ExpandAsync(CancellationToken cancellationToken)
    {
        var batch = await db.Notifications.Where(n => n.ExpandedAtUtc == null)
            .OrderBy(n => n.CreatedAtUtc).ThenBy(n => n.Id).Take(100).ToListAsync(cancellationToken);
        // One read of each tenant's channel settings for the batch, not one per notification.
        var tenants = batch.Select(n => n.TenantId).Distinct().ToList();
        var settingsByTenant = await db.ChannelSettings.AsNoTracking()
            .Where(s => tenants.Contains(s.TenantId))
            .ToDictionaryAsync(s => s.TenantId, cancellationToken);
        foreach (var notification in batch)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var settings = settingsByTenant.GetValueOrDefault(notification.TenantId);
            if (settings is { SmtpEnabled: true })
            {
                var recipients = notification.RecipientIds;
                var modes = await db.Preferences.AsNoTracking()
                    .Where(p => p.Category == notification.Category && recipients.Contains(p.UserId))
                    .ToDictionaryAsync(p => p.UserId, p => p.Email, cancellationToken);
                foreach (var user in recipients)
                {
                    var mode = modes.GetValueOrDefault(user, NotificationPreference.Default);
                    if (mode != EmailMode.Off)
                    {
                        Add(notification, ChannelKind.Email, user, mode == EmailMode.DailyDigest ? DeliveryStatus.AwaitingDigest : DeliveryStatus.Pending, now);
                    }
                }
            }
            if (settings is not null && settings.RobotCategoryList.Contains(notification.Category, StringComparer.Ordinal))
            {
                if (settings.WeComEnabled)
                {
                    Add(notification, ChannelKind.WeCom, Guid.Empty, DeliveryStatus.Pending, now);
                }
                if (settings.DingTalkEnabled)
                {
                    Add(notification, ChannelKind.DingTalk, Guid.Empty, DeliveryStatus.Pending, now);
                }
            }
            notification.ExpandedAtUtc = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private void Add(NotificationRecord n, ChannelKind channel, Guid user, DeliveryStatus status, DateTime now)
    {
        var delivery = new Delivery
        {
            NotificationId = n.Id,
            Channel = channel,
            RecipientUserId = user,
            Category = n.Category,
            Subject = n.Title,
            Body = n.Body,
            Link = n.Link,
            Status = status,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        };
        ((ITenantOwned)delivery).AssignTenant(n.TenantId, n.TenantPath);
        db.Deliveries.Add(delivery);
    }

    // The job runs in a system scope: the settings row is found by the tenant the delivery belongs to.
    private Task<ChannelSettings?> SettingsOfAsync(Guid tenantId, CancellationToken cancellationToken) =>
        db.ChannelSettings.AsNoTracking().SingleOrDefaultAsync(s => s.TenantId == tenantId, cancellationToken);

    /// <summary>Claims and sends the due deliveries; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Rows left Sending by a node that died: their lease is over, they are due again.
        await db.Deliveries
            .Where(d => d.Status == DeliveryStatus.Sending && d.ClaimedUntilUtc < now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending), cancellationToken);
        var due = await db.Deliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAtUtc <= now)
            .OrderBy(d => d.NextAttemptAtUtc).ThenBy(d => d.Id)
            .Select(d => d.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            if (await SendOneAsync(id, cancellationToken))
            {
                sent++;
            }
        }
        return sent;
    }

    /// <summary>Claims one delivery and makes one attempt. False when another node holds it or the attempt failed.</summary>
    public async Task<bool> SendOneAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Deliveries
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Sending)
                .SetProperty(d => d.ClaimedUntilUtc, now + Lease), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }
        // The claim bypassed the change tracker: a row this context already tracks is read again.
        var delivery = db.Deliveries.Local.FirstOrDefault(d => d.Id == id);
        if (delivery is not null)
        {
            await db.Entry(delivery).ReloadAsync(cancellationToken);
        }
        else
        {
            delivery = await db.Deliveries.SingleAsync(d => d.Id == id, cancellationToken);
        }
        var result = await AttemptAsync(delivery, cancellationToken);
        return result.Succeeded;
    }

    private async Task<SendResult> AttemptAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var watch = Stopwatch.StartNew();
        SendResult result;
        var final = false;
        try
        {
            (result, final) = await SendAsync(delivery, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Delivery {DeliveryId} threw", delivery.Id);
            result = SendResult.Fail(null, ex.Message);
        }
        watch.Stop();
        delivery.Attempts++;
        var attempt = new DeliveryAttempt
        {
            DeliveryId = delivery.Id,
            Number = delivery.Attempts,
            StartedAtUtc = started,
            DurationMs = (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds),
            Succeeded = result.Succeeded,
            StatusCode = result.StatusCode,
            Error = Truncate(result.Error),
        };
        ((ITenantOwned)attempt).AssignTenant(delivery.TenantId, delivery.TenantPath);
        db.DeliveryAttempts.Add(attempt);
        delivery.ClaimedUntilUtc = null;
        delivery.LastError = Truncate(result.Error);
        if (result.Succeeded)
        {
            delivery.Status = DeliveryStatus.Sent;
            delivery.SentAtUtc = clock.GetUtcNow().UtcDateTime;
        }
        else if (final || delivery.Attempts >= Delivery.MaxAttempts)
        {
            delivery.Status = DeliveryStatus.Failed;
            logger.LogWarning("Delivery {DeliveryId} ({Channel}) gave up after {Attempts} attempt(s): {Error}",
                delivery.Id, delivery.Channel, delivery.Attempts, result.Error);
        }
        else
        {
            delivery.Status = DeliveryStatus.Pending;
            delivery.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime + Backoff.After(delivery.Attempts);
        }
        // Not cancellable: the outcome of an attempt that happened must be saved.
        await db.SaveChangesAsync(CancellationToken.None);
        return result;
    }

    /// <summary>One send. <c>Final</c> when retrying cannot help (the person has no e-mail, the channel is gone).</summary>
    private async Task<(SendResult Result, bool Final)> SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var settings = await SettingsOfAsync(delivery.TenantId, cancellationToken);
        if (settings is null)
        {
            return (SendResult.Fail(null, "本单位未配置通知渠道"), true);
        }
        var enabled = delivery.Channel switch
        {
            ChannelKind.Email => settings.SmtpEnabled,
            ChannelKind.WeCom => settings.WeComEnabled,
            ChannelKind.DingTalk => settings.DingTalkEnabled,
            _ => false,
        };
        if (!enabled)
        {
            return (SendResult.Fail(null, "该渠道已停用"), true);
        }
        string? address = null, name = null;
        if (delivery.Channel == ChannelKind.Email)
        {
            var contact = (await mediator.Send(new GetUserContactsQuery([delivery.RecipientUserId]), cancellationToken)).SingleOrDefault();
            if (contact is null || !contact.IsActive || string.IsNullOrWhiteSpace(contact.Email))
            {
                return (SendResult.Fail(null, "收件人账号不存在、已停用或没有登记电子邮箱"), true);
            }
            (address, name) = (contact.Email, contact.DisplayName);
        }
        var channel = channels.Single(c => c.Kind == delivery.Channel);
        var message = new OutboundMessage(delivery.Id, delivery.Subject, delivery.Body, delivery.Link, address, name);
        return (await channel.SendAsync(secrets.Open(settings), message, cancellationToken), false);
    }

    private static string? Truncate(string? s) => s is null || s.Length <= Delivery.MaxErrorLength ? s : s[..Delivery.MaxErrorLength];
}
