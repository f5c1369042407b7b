using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Audit;

/// <summary>An event recorded elsewhere before the platform log existed, with its own id and time.</summary>
public sealed record ImportedAuditEntry(
    Guid Id, DateTime OccurredAtUtc, string Action, bool Succeeded, Guid? UserId, string? UserName, Guid? ActorId,
    Guid? TenantId, string? TenantPath, string? TenantName, string? ClientId, string? IpAddress, string? UserAgent, string? Detail);

/// <summary>
/// Brings a module's older audit rows into the chain (the identity audit log before ADR 0019), keeping their ids and
/// times. An id already in the log is skipped, so an import interrupted half-way is simply run again.
/// </summary>
public sealed class AuditImporter
{
    private readonly AuditDbContext _db;
    private readonly AuditChainWriter _writer;

    internal AuditImporter(AuditDbContext db, AuditChainWriter writer)
    {
        _db = db;
        _writer = writer;
    }

    /// <summary>Whether the audit log's migrations have run (they may be applied by someone else, later).</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        !(await _db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();

    /// <summary>Whether an entry of this id is in the log already.</summary>
    public Task<bool> ContainsAsync(Guid id, CancellationToken cancellationToken) =>
        _db.Entries.AsNoTracking().AnyAsync(e => e.Id == id, cancellationToken);

    /// <summary>Appends, in the given order, the entries whose id is not yet in the log; returns how many.</summary>
    public async Task<int> ImportAsync(IReadOnlyList<ImportedAuditEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Select(e => e.Id).ToList();
        var present = (await _db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();
        var imported = 0;
        foreach (var e in entries.Where(e => !present.Contains(e.Id)))
        {
            await _writer.AppendAsync(AuditEntry.Draft(new AuditDraft(
                AuditCategories.Event, e.Action, e.Succeeded ? AuditOutcomes.Succeeded : AuditOutcomes.Refused, e.OccurredAtUtc,
                UserId: e.UserId, UserName: e.UserName, ActorId: e.ActorId, TenantId: e.TenantId, TenantPath: e.TenantPath,
                TenantName: e.TenantName, IpAddress: e.IpAddress, UserAgent: e.UserAgent, ClientId: e.ClientId, Detail: e.Detail,
                Id: e.Id)));
            imported++;
        }
        return imported;
    }
}
