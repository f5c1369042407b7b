using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Notifications.Contracts;
using CongressPlatform.Modules.Notifications.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Notifications.Features.Inbox;

/// <summary>Marks one of the signed-in person's notifications read (again: no change). Another person's is a 404.</summary>
[RequiresPermission(NotificationsPermissions.InboxUse)]
public sealed record MarkReadCommand(Guid Id) : ICommand<InboxItemDto>;

internal sealed class MarkReadCommandHandler(NotificationsDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<MarkReadCommand, InboxItemDto>
{
    public async Task<InboxItemDto> Handle(MarkReadCommand request, CancellationToken cancellationToken)
    {
        var me = InboxOwner.Of(user);
        var item = await db.InboxItems.SingleOrDefaultAsync(i => i.Id == request.Id && i.UserId == me, cancellationToken)
            ?? throw NotFoundException.For("通知", "notification");
        item.MarkRead(clock.GetUtcNow().UtcDateTime);
        return InboxItemDto.From(item);
    }
}

/// <summary>Marks every unread notification of the signed-in person in the active tenant read (全部已读).</summary>
[RequiresPermission(NotificationsPermissions.InboxUse)]
public sealed record MarkAllReadCommand : ICommand<UnreadCountDto>;

internal sealed class MarkAllReadCommandHandler(NotificationsDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<MarkAllReadCommand, UnreadCountDto>
{
    public async Task<UnreadCountDto> Handle(MarkAllReadCommand request, CancellationToken cancellationToken)
    {
        var me = InboxOwner.Of(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = await db.InboxItems.Where(i => i.UserId == me && i.ReadAtUtc == null).ToListAsync(cancellationToken);
        foreach (var item in unread)
        {
            item.MarkRead(now);
        }
        return new UnreadCountDto(0);
    }
}
