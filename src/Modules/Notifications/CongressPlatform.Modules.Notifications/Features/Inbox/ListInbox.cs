using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Notifications.Contracts;
using CongressPlatform.Modules.Notifications.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Notifications.Features.Inbox;

/// <summary>The signed-in person's notifications in the active tenant, newest first; <c>UnreadOnly</c> for the unread ones.</summary>
[RequiresPermission(NotificationsPermissions.InboxUse)]
public sealed record ListInboxQuery(bool? UnreadOnly, int? Page, int? PageSize) : IQuery<PagedResult<InboxItemDto>>;

internal sealed class ListInboxQueryHandler(NotificationsDbContext db, ICurrentUser user) : IRequestHandler<ListInboxQuery, PagedResult<InboxItemDto>>
{
    public async Task<PagedResult<InboxItemDto>> Handle(ListInboxQuery request, CancellationToken cancellationToken)
    {
        var me = InboxOwner.Of(user);
        var (page, size) = Paging.Normalize(request.Page, request.PageSize);
        var items = db.InboxItems.AsNoTracking().Where(i => i.UserId == me);
        if (request.UnreadOnly == true)
        {
            items = items.Where(i => i.ReadAtUtc == null);
        }
        var total = await items.CountAsync(cancellationToken);
        var list = await items.OrderByDescending(i => i.CreatedAtUtc).ThenByDescending(i => i.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedResult<InboxItemDto>(list.Select(InboxItemDto.From).ToList(), total, page, size);
    }
}

/// <summary>How many of the signed-in person's notifications in the active tenant are unread (the bell polls it).</summary>
[RequiresPermission(NotificationsPermissions.InboxUse)]
public sealed record GetUnreadCountQuery : IQuery<UnreadCountDto>;

public sealed record UnreadCountDto(int Count);

internal sealed class GetUnreadCountQueryHandler(NotificationsDbContext db, ICurrentUser user) : IRequestHandler<GetUnreadCountQuery, UnreadCountDto>
{
    public async Task<UnreadCountDto> Handle(GetUnreadCountQuery request, CancellationToken cancellationToken)
    {
        var me = InboxOwner.Of(user);
        return new UnreadCountDto(await db.InboxItems.CountAsync(i => i.UserId == me && i.ReadAtUtc == null, cancellationToken));
    }
}
