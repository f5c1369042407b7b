using System.Collections.Concurrent;
using System.Net;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.BuildingBlocks.Audit;

/// <summary>
/// Appends entries to the chain in order: in a fresh system scope with its own <see cref="AuditDbContext"/> and
/// transaction, whose first statement updates the chain-head row — a row lock on PostgreSQL, the database write lock
/// on SQLite — so appends from any number of requests, or nodes, queue behind each other and never fork the chain.
/// Entries that arrive while one transaction is being written are appended together by the next one (one scope, one
/// head update, one commit for the group), so under load the chain costs one transaction per group, not per request;
/// every caller still returns only once its own entry is committed.
/// </summary>
internal sealed class AuditChainWriter(IServiceScopeFactory scopes, ILogger<AuditChainWriter> logger)
{
    /// <summary>At most this many entries in one transaction.</summary>
    internal const int MaxGroup = 256;

    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _writing;

    /// <summary>Transactions written (for the tests: fewer than entries when they arrived together).</summary>
    internal long Groups;

    public Task<AuditEntry> AppendAsync(AuditEntry entry)
    {
        // Not the caller's token: once the act has happened, its record is written even if the request is aborted.
        var pending = new Pending(entry, new TaskCompletionSource<AuditEntry>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = Task.Run(WriteQueuedAsync);
        }
        return pending.Done.Task;
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            var group = new List<Pending>();
            while (group.Count < MaxGroup && _queue.TryDequeue(out var next))
            {
                group.Add(next);
            }
            if (group.Count == 0)
            {
                Volatile.Write(ref _writing, 0);
                // An entry queued after the queue looked empty, but before the flag was cleared, is ours to write.
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
                {
                    return;
                }
                continue;
            }
            try
            {
                await WriteAsync(group);
                group.ForEach(p => p.Done.SetResult(p.Entry));
            }
            catch (Exception) when (group.Count > 1)
            {
                // One bad entry must not fail the others: write them one at a time.
                foreach (var pending in group)
                {
                    await WriteAloneAsync(pending);
                }
            }
            catch (Exception exception)
            {
                Fail(group[0], exception);
            }
        }
    }

    private async Task WriteAloneAsync(Pending pending)
    {
        try
        {
            await WriteAsync([pending]);
            pending.Done.SetResult(pending.Entry);
        }
        catch (Exception exception)
        {
            Fail(pending, exception);
        }
    }

    private void Fail(Pending pending, Exception exception)
    {
        logger.LogCritical(exception, "Could not write the audit entry {Action} ({Outcome}) for user {UserId}",
            pending.Entry.Action, pending.Entry.Outcome, pending.Entry.UserId);
        pending.Done.SetException(new AuditWriteException(exception));
    }

    private async Task WriteAsync(IReadOnlyList<Pending> group)
    {
        await using var scope = new AsyncServiceScope(scopes.CreateSystemScope());
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.ChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSeq, h => h.LastSeq), CancellationToken.None);
        var head = await db.ChainHeads.SingleAsync(h => h.Id == AuditChainHead.SingletonId, CancellationToken.None);
        foreach (var pending in group)
        {
            pending.Entry.Seal(head.LastSeq + 1, head.LastHash);
            head.Advance(pending.Entry.Seq, pending.Entry.Hash);
            db.Entries.Add(pending.Entry);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        Interlocked.Increment(ref Groups);
    }

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource<AuditEntry> Done);
}

/// <summary>Builds entries from the caller's scope (user, tenant, address, job) and hands them to <see cref="AuditChainWriter"/>.</summary>
internal sealed class AuditLog(
    AuditChainWriter writer, ICurrentUser currentUser, ITenantContext tenant, ITenantDirectory directory,
    AuditCollector collector, IHttpContextAccessor httpContextAccessor, TimeProvider clock) : IAuditLog
{
    public async Task<long> RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var draft = Context(AuditCategories.Event, record.Action, record.Succeeded ? AuditOutcomes.Succeeded : AuditOutcomes.Refused) with
        {
            ErrorCode = record.ErrorCode, EntityType = record.EntityType, EntityId = record.EntityId, Detail = record.Detail,
            ClientId = record.ClientId,
        };
        if (record.UserId is not null || record.UserName is not null)
        {
            draft = draft with
            {
                UserId = record.UserId, UserName = record.UserName,
                ActorId = record.ActorId ?? (draft.UserId is { } actor && actor != record.UserId ? actor : null),
            };
        }
        if (record.TenantId is { } tenantId && tenantId != draft.TenantId)
        {
            var info = await directory.FindAsync(tenantId, CancellationToken.None);
            draft = draft with { TenantId = tenantId, TenantPath = info?.Path, TenantName = info?.Name };
        }
        return (await writer.AppendAsync(AuditEntry.Draft(draft))).Seq;
    }

    /// <summary>The entry of a command that went through the pipeline, with what its saves changed.</summary>
    internal Task<AuditEntry> RecordCommandAsync(string action, string outcome, string? errorCode, string? detail)
    {
        var changes = collector.Saved;
        var first = changes.Count > 0 ? changes[0] : null;
        var draft = Context(AuditCategories.Command, action, outcome) with
        {
            ErrorCode = errorCode, Detail = detail ?? collector.Note, Changes = changes.ToList(),
            EntityType = first?.Type, EntityId = first?.Id,
        };
        return writer.AppendAsync(AuditEntry.Draft(draft));
    }

    private AuditDraft Context(string category, string action, string outcome)
    {
        var http = httpContextAccessor.HttpContext;
        var inTenant = tenant is { IsResolved: true, IsSystem: false };
        return new AuditDraft(
            category, action, outcome, clock.GetUtcNow().UtcDateTime,
            UserId: currentUser.IsSystem ? null : currentUser.UserId,
            UserName: currentUser.IsSystem ? "system" : currentUser.DisplayName,
            TenantId: inTenant ? tenant.TenantId : null,
            TenantPath: inTenant ? tenant.TenantPath : null,
            TenantName: inTenant ? tenant.TenantName : null,
            IpAddress: AddressOf(http?.Connection.RemoteIpAddress),
            UserAgent: http?.Request.Headers.UserAgent.ToString(),
            JobKey: collector.JobKey);
    }

    internal static string? AddressOf(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
