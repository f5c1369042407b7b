using CongressPlatform.BuildingBlocks.Audit;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.Modules.Identity.Audit;

/// <summary>
/// Copies the identity audit log kept before ADR 0019 (<c>identity.audit_log</c>, no longer written) into the platform
/// audit log, oldest first, with the same ids and times, so nothing recorded is lost and every identity event is in the
/// hash chain. Runs at every start (the hashes need code, so it is not a SQL migration); rows already copied are skipped
/// by id, so a run stopped half-way finishes next time, and once everything is copied a run only reads.
/// </summary>
internal sealed class IdentityAuditImport(ILogger<IdentityAuditImport> logger) : IStartupTask
{
    private const int Batch = 500;

    public async Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var db = scopedServices.GetRequiredService<IdentityDbContext>();
        var importer = scopedServices.GetRequiredService<AuditImporter>();
        var directory = scopedServices.GetRequiredService<ITenantDirectory>();
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any() || !await importer.IsReadyAsync(cancellationToken))
        {
            // Migrations are applied by someone else (Database:MigrateOnStartup=false) and have not run yet: copied at the next start.
            return;
        }
        // The old table is written no more and is copied in its order: once its newest row is in the log, all of it
        // is, and every later start ends here instead of reading the whole table again.
        var newest = await db.Set<IdentityAuditEntry>().AsNoTracking()
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (newest is not { } last || await importer.ContainsAsync(last, cancellationToken))
        {
            return;
        }
        var imported = 0;
        DateTime? after = null;
        Guid afterId = Guid.Empty;
        while (true)
        {
            var query = db.Set<IdentityAuditEntry>().AsNoTracking();
            if (after is { } time)
            {
                var id = afterId;
                query = query.Where(e => e.OccurredAtUtc > time || (e.OccurredAtUtc == time && e.Id.CompareTo(id) > 0));
            }
            var rows = await query.OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.Id).Take(Batch).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }
            var entries = new List<ImportedAuditEntry>(rows.Count);
            foreach (var row in rows)
            {
                var tenant = row.TenantId is { } tenantId ? await directory.FindAsync(tenantId, cancellationToken) : null;
                entries.Add(new ImportedAuditEntry(
                    row.Id, row.OccurredAtUtc, IdentityAudit.ActionPrefix + row.Kind, row.Outcome == IdentityAuditOutcome.Success,
                    row.UserId, row.UserName, row.ActorId, row.TenantId, tenant?.Path, tenant?.Name, row.ClientId, row.IpAddress,
                    row.UserAgent, row.Detail));
            }
            imported += await importer.ImportAsync(entries, cancellationToken);
            after = rows[^1].OccurredAtUtc;
            afterId = rows[^1].Id;
        }
        if (imported > 0)
        {
            logger.LogInformation("Copied {Count} identity audit entries into the platform audit log", imported);
        }
    }
}
