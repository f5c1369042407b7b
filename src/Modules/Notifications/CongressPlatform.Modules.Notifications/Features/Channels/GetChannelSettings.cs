using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Notifications.Contracts;
using CongressPlatform.Modules.Notifications.Domain;
using CongressPlatform.Modules.Notifications.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Notifications.Features.Channels;

/// <summary>The active tenant's outbound channels (defaults when none are set yet).</summary>
[RequiresPermission(NotificationsPermissions.ChannelsManage)]
public sealed record GetChannelSettingsQuery : IQuery<ChannelSettingsDto>;

internal sealed class GetChannelSettingsQueryHandler(NotificationsDbContext db, ITenantContext tenant) : IRequestHandler<GetChannelSettingsQuery, ChannelSettingsDto>
{
    public async Task<ChannelSettingsDto> Handle(GetChannelSettingsQuery request, CancellationToken cancellationToken) =>
        ChannelSettingsDto.From(await ActiveTenantSettings.FindAsync(db.ChannelSettings.AsNoTracking(), tenant, cancellationToken));
}

internal static class ActiveTenantSettings
{
    /// <summary>
    /// The active tenant's row. The tenant filter already limits the set to what the caller may see; a supervisor sees
    /// the subtree's rows, so the active tenant's one is picked by id (selection, not isolation).
    /// </summary>
    public static Task<ChannelSettings?> FindAsync(IQueryable<ChannelSettings> settings, ITenantContext tenant, CancellationToken cancellationToken) =>
        settings.SingleOrDefaultAsync(s => s.TenantId == tenant.TenantId, cancellationToken);
}
