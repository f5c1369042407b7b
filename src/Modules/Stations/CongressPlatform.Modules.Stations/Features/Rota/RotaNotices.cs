using CongressPlatform.BuildingBlocks.Notifications;
using CongressPlatform.Modules.Deputies.Contracts;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Rota;

/// <summary>Notices to deputies about their duty, through the accounts the Deputies module knows.</summary>
internal static class RotaNotices
{
    public const string ReminderCategory = "stations.duty-reminder";
    public const string SwapCategory = "stations.duty-swap";

    /// <summary>Notifies the deputies that have an account; returns the deputies reached.</summary>
    public static async Task<IReadOnlySet<Guid>> NotifyDeputiesAsync(IMediator sender, INotifier notifier, Guid tenantId, IReadOnlyCollection<Guid> deputyIds,
        string category, string title, string body, string link, string? deduplicationKey, CancellationToken cancellationToken)
    {
        var accounts = await sender.Send(new GetDeputyAccountsQuery(deputyIds), cancellationToken);
        if (accounts.Count == 0)
        {
            return new HashSet<Guid>();
        }
        await notifier.NotifyAsync(new Notification
        {
            TenantId = tenantId,
            RecipientUserIds = accounts.Select(a => a.UserId).Distinct().ToList(),
            Category = category,
            Title = title,
            Body = body,
            Link = link,
            DeduplicationKey = deduplicationKey,
        }, cancellationToken);
        return accounts.Select(a => a.DeputyId).ToHashSet();
    }
}
