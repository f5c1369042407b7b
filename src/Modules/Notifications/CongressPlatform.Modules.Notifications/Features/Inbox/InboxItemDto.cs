using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Notifications.Domain;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Notifications.Features.Inbox;

public sealed record InboxItemDto(Guid Id, string Category, string Title, string Body, string? Link, DateTime CreatedAtUtc, DateTime? ReadAtUtc)
{
    internal static InboxItemDto From(InboxItem i) => new(i.Id, i.Category, i.Title, i.Body, i.Link, i.CreatedAtUtc, i.ReadAtUtc);
}

internal static class InboxOwner
{
    /// <summary>The signed-in person; the inbox is theirs alone (the tenant filter adds the active tenant).</summary>
    public static Guid Of(ICurrentUser user) =>
        user.UserId ?? throw new ForbiddenException("notifications.not_signed_in", Text.Of("请先登录。", "Please sign in."));
}
