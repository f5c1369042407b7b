using System.Data.Common;
using CongressPlatform.Modules.Deputies.Features.Rankings;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CongressPlatform.Modules.Deputies.Persistence;

/// <summary>
/// A save inside an explicit transaction (an integration event's handler saves its changes and its inbox row in one) starts
/// a new generation of the kept rankings and counts when it saves — but until the commit, other requests still read the
/// data as it was and could keep that under the new generation. So the commit starts another one: after it, the next read
/// computes from the committed data.
/// </summary>
internal sealed class GenerationOnCommit : DbTransactionInterceptor
{
    public static readonly GenerationOnCommit Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => RankingCache.Invalidate();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RankingCache.Invalidate();
        return Task.CompletedTask;
    }
}
