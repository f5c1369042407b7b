using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Notifications.Contracts;
using CongressPlatform.Modules.Notifications.Domain;
using CongressPlatform.Modules.Notifications.Features.Inbox;
using CongressPlatform.Modules.Notifications.Persistence;
using CongressPlatform.Modules.Notifications.Sending;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Notifications.Features.Channels;

public sealed record DeliveryAttemptDto(int Number, DateTime StartedAtUtc, int DurationMs, bool Succeeded, int? StatusCode, string? Error);

public sealed record DeliveryDto(
    Guid Id, ChannelKind Channel, string Category, string Subject, Guid? RecipientUserId, DeliveryStatus Status, int Attempts,
    DateTime CreatedAtUtc, DateTime NextAttemptAtUtc, DateTime? SentAtUtc, string? LastError, IReadOnlyList<DeliveryAttemptDto> AttemptLog);

/// <summary>The delivery log of the active tenant (its subtree's, for a supervisor), newest first, with every attempt.</summary>
[RequiresPermission(NotificationsPermissions.ChannelsManage)]
public sealed record ListDeliveriesQuery(DeliveryStatus? Status, int? Page, int? PageSize) : IQuery<PagedResult<DeliveryDto>>;

internal sealed class ListDeliveriesQueryHandler(NotificationsDbContext db) : IRequestHandler<ListDeliveriesQuery, PagedResult<DeliveryDto>>
{
    public async Task<PagedResult<DeliveryDto>> Handle(ListDeliveriesQuery request, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(request.Page, request.PageSize);
        var deliveries = db.Deliveries.AsNoTracking();
        if (request.Status is { } status)
        {
            deliveries = deliveries.Where(d => d.Status == status);
        }
        var total = await deliveries.CountAsync(cancellationToken);
        var list = await deliveries.OrderByDescending(d => d.CreatedAtUtc).ThenByDescending(d => d.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var ids = list.Select(d => d.Id).ToList();
        var attempts = (await db.DeliveryAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);
        return new PagedResult<DeliveryDto>(list.Select(d => ToDto(d, attempts[d.Id])).ToList(), total, page, size);
    }

    internal static DeliveryDto ToDto(Delivery d, IEnumerable<DeliveryAttempt> attempts) => new(
        d.Id, d.Channel, d.Category, d.Subject, d.RecipientUserId == Guid.Empty ? null : d.RecipientUserId, d.Status, d.Attempts,
        d.CreatedAtUtc, d.NextAttemptAtUtc, d.SentAtUtc, d.LastError,
        attempts.OrderBy(a => a.Number).Select(a => new DeliveryAttemptDto(a.Number, a.StartedAtUtc, a.DurationMs, a.Succeeded, a.StatusCode, a.Error)).ToList());
}

/// <summary>
/// Sends a test message through one channel of the active tenant now (e-mail: to the administrator's own address), as
/// an ordinary delivery: it is logged, and retried by the job when this first attempt fails.
/// </summary>
[RequiresPermission(NotificationsPermissions.ChannelsManage)]
public sealed record SendTestMessageCommand(ChannelKind Channel) : ICommand<DeliveryDto>;

internal sealed class SendTestMessageCommandValidator : AbstractValidator<SendTestMessageCommand>
{
    public SendTestMessageCommandValidator() =>
        RuleFor(c => c.Channel).IsInEnum().WithMessage(_ => Text.Of("渠道须为 Email、WeCom 或 DingTalk。", "The channel must be Email, WeCom or DingTalk."));
}

internal sealed class SendTestMessageCommandHandler(
    NotificationsDbContext db, ITenantContext tenant, ICurrentUser user, DeliveryProcessor processor, TimeProvider clock)
    : IRequestHandler<SendTestMessageCommand, DeliveryDto>
{
    public async Task<DeliveryDto> Handle(SendTestMessageCommand request, CancellationToken cancellationToken)
    {
        var me = InboxOwner.Of(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var delivery = new Delivery
        {
            NotificationId = Guid.CreateVersion7(),
            Channel = request.Channel,
            RecipientUserId = request.Channel == ChannelKind.Email ? me : Guid.Empty,
            Category = NotificationCategories.ChannelTest,
            Subject = "测试消息:基层人大工作平台通知渠道",
            Body = $"这是一条测试消息,由 {user.DisplayName} 于 {TimeZoneInfo.ConvertTimeFromUtc(now, ChinaTime.Zone):yyyy-MM-dd HH:mm} 从「{tenant.TenantName}」发出。收到即表示该渠道配置正确。",
            Link = "/system/notification-channels",
            Status = DeliveryStatus.Pending,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        };
        db.Deliveries.Add(delivery);
        // Saved first: the processor claims the row in the database like any other delivery.
        await db.SaveChangesAsync(cancellationToken);
        await processor.SendOneAsync(delivery.Id, cancellationToken);
        var saved = await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == delivery.Id, cancellationToken);
        var attempts = await db.DeliveryAttempts.AsNoTracking().Where(a => a.DeliveryId == delivery.Id).ToListAsync(cancellationToken);
        return ListDeliveriesQueryHandler.ToDto(saved, attempts);
    }
}
