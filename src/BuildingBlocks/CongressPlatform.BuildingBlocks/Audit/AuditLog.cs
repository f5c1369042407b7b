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
/// Appends entries to the chain, one at a time: in a fresh system scope with its own <see cref="AuditDbContext"/> and
/// transaction, whose first statement updates the chain-head row — a row lock on PostgreSQL, the database write lock
/// on SQLite — so appends from any number of requests, or nodes, queue behind each other and never fork the chain.
/// </summary>
internal sealed class AuditChainWriter(IServiceScopeFactory scopes, ILogger<AuditChainWriter> logger) : IDisposable
{
    // Queues this process's appends in memory first, so they do not all wait on the database lock.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task<AuditEntry> AppendAsync(AuditEntry entry)
    {
        // Not the caller's token: once the act has happened, its record is written even if the request is aborted.
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            await using var scope = new AsyncServiceScope(scopes.CreateSystemScope());
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            await db.ChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSeq, h => h.LastSeq), CancellationToken.None);
            var head = await db.ChainHeads.SingleAsync(h => h.Id == AuditChainHead.SingletonId, CancellationToken.None);
            entry.Seal(head.LastSeq + 1, head.LastHash);
            head.Advance(entry.Seq, entry.Hash);
            db.Entries.Add(entry);
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return entry;
        }
        catch (Exception exception)
        {
            logger.LogCritical(exception, "Could not write the audit entry {Action} ({Outcome}) for user {UserId}",
                entry.Action, entry.Outcome, entry.UserId);
            throw new AuditWriteException(exception);
        }
        finally
        {
            _gate.Release();
        }
    }
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
