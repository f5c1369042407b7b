using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Notifications.Contracts;
using CongressPlatform.Modules.Notifications.Domain;
using CongressPlatform.Modules.Notifications.Features.Channels;
using CongressPlatform.Modules.Notifications.Features.Inbox;
using CongressPlatform.Modules.Notifications.Features.Preferences;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CongressPlatform.Modules.Notifications;

internal static class NotificationsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var inbox = endpoints.MapGroup("/api/notifications/inbox-items").WithTags("Notifications: inbox");
        inbox.MapGet("/", (bool? unreadOnly, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                m.Send(new ListInboxQuery(unreadOnly, page, pageSize), ct))
            .RequirePermission(NotificationsPermissions.InboxUse).WithName("ListInbox");
        inbox.MapGet("/unread-count", (IMediator m, CancellationToken ct) => m.Send(new GetUnreadCountQuery(), ct))
            .RequirePermission(NotificationsPermissions.InboxUse).WithName("GetUnreadCount");
        inbox.MapPost("/{id:guid}/read", (Guid id, IMediator m, CancellationToken ct) => m.Send(new MarkReadCommand(id), ct))
            .RequirePermission(NotificationsPermissions.InboxUse).WithName("MarkRead");
        inbox.MapPost("/read-all", (IMediator m, CancellationToken ct) => m.Send(new MarkAllReadCommand(), ct))
            .RequirePermission(NotificationsPermissions.InboxUse).WithName("MarkAllRead");

        var preferences = endpoints.MapGroup("/api/notifications/preferences").WithTags("Notifications: preferences");
        preferences.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new GetPreferencesQuery(), ct))
            .RequirePermission(NotificationsPermissions.InboxUse).WithName("GetNotificationPreferences");
        preferences.MapPut("/", (UpdatePreferencesCommand command, IMediator m, CancellationToken ct) => m.Send(command, ct))
            .RequirePermission(NotificationsPermissions.InboxUse).WithName("UpdateNotificationPreferences");

        var channels = endpoints.MapGroup("/api/notifications/channels").WithTags("Notifications: channels");
        channels.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new GetChannelSettingsQuery(), ct))
            .RequirePermission(NotificationsPermissions.ChannelsManage).WithName("GetChannelSettings");
        channels.MapPut("/", (UpdateChannelSettingsCommand command, IMediator m, CancellationToken ct) => m.Send(command, ct))
            .RequirePermission(NotificationsPermissions.ChannelsManage).WithName("UpdateChannelSettings");
        channels.MapPost("/{channel}/test", (ChannelKind channel, IMediator m, CancellationToken ct) => m.Send(new SendTestMessageCommand(channel), ct))
            .RequirePermission(NotificationsPermissions.ChannelsManage).WithName("SendTestMessage");

        var deliveries = endpoints.MapGroup("/api/notifications/deliveries").WithTags("Notifications: channels");
        deliveries.MapGet("/", (DeliveryStatus? status, int? page, int? pageSize, IMediator m, CancellationToken ct) =>
                m.Send(new ListDeliveriesQuery(status, page, pageSize), ct))
            .RequirePermission(NotificationsPermissions.ChannelsManage).WithName("ListDeliveries");
    }
}
