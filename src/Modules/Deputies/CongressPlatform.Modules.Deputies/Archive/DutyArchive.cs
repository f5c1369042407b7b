using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Deputies.Points;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Archive;

/// <summary>
/// The one way records enter the duty archive (staff, other modules' events, demo data): it adds the record and keeps
/// <see cref="DutyTotal"/> in step in the same unit of work, so the points never need the whole archive. A record is
/// never changed or deleted; a correction is a new record, and the original stops counting.
/// </summary>
internal sealed class DutyArchive(DeputiesDbContext db, IDutyPoints points)
{
    private readonly Dictionary<(Guid TenantId, int Year), RuleSet> _rules = [];

    // The totals this unit of work has touched, by key. Not DbSet.Local: every read of Local detects changes over all
    // tracked entities, which made a batch of n records cost n² (the demo archive took a minute at first start).
    private readonly Dictionary<(Guid DeputyId, Guid TenantId, int Year, int Quarter, DutyKind Kind), DutyTotal> _totals = [];

    // (tenant, year) whose totals are all in _totals already (PreloadAsync): a key missing there is a new total.
    private readonly HashSet<(Guid TenantId, int Year)> _preloaded = [];

    /// <summary>
    /// For a batch (demo data, imports): loads every total of <paramref name="tenantIds"/> in <paramref name="years"/> at
    /// once, so adding many records costs no query per new total.
    /// </summary>
    public async Task PreloadAsync(IReadOnlyCollection<Guid> tenantIds, IReadOnlyCollection<int> years, CancellationToken cancellationToken)
    {
        var totals = await db.DutyTotals.IgnoreQueryFilters()
            .Where(t => tenantIds.Contains(t.TenantId) && years.Contains(t.Year)).ToListAsync(cancellationToken);
        foreach (var total in totals)
        {
            _totals[(total.DeputyId, total.TenantId, total.Year, total.Quarter, total.Kind)] = total;
        }
        foreach (var tenantId in tenantIds)
        {
            foreach (var year in years)
            {
                _preloaded.Add((tenantId, year));
            }
        }
    }

    /// <summary>Adds a record whose tenant is already assigned.</summary>
    public async Task AddAsync(DutyRecord record, CancellationToken cancellationToken)
    {
        if (record.TenantId == Guid.Empty)
        {
            throw new InvalidOperationException("A duty record's tenant is assigned before it enters the archive.");
        }
        db.DutyRecords.Add(record);
        if (record.Counts)
        {
            await CountAsync(record, +1, cancellationToken);
        }
    }

    /// <summary>Adds <paramref name="correction"/> as the correction of <paramref name="original"/>, in the original's tenant.</summary>
    public async Task CorrectAsync(DutyRecord original, DutyRecord correction, string reason, bool withdraw, CancellationToken cancellationToken)
    {
        if (await db.DutyRecords.IgnoreQueryFilters().AnyAsync(r => r.CorrectsRecordId == original.Id, cancellationToken)
            || db.DutyRecords.Local.Any(r => r.CorrectsRecordId == original.Id))
        {
            throw new BusinessRuleException("deputies.already_corrected",
                Text.Of("该记录已被更正,请更正最新的那条记录。", "This record was already corrected; correct the latest record instead."));
        }
        correction.Correct(original, reason, withdraw);
        ((ITenantOwned)correction).AssignTenant(original.TenantId, original.TenantPath);
        db.DutyRecords.Add(correction);
        if (original.Counts)
        {
            await CountAsync(original, -1, cancellationToken);
        }
        if (correction.Counts)
        {
            await CountAsync(correction, +1, cancellationToken);
        }
    }

    private async Task CountAsync(DutyRecord record, int delta, CancellationToken cancellationToken)
    {
        var year = record.OccurredOn.Year;
        var quarter = DutyTotal.QuarterOf(record.OccurredOn);
        var key = (record.DeputyId, record.TenantId, year, quarter, record.Kind);
        if (_totals.TryGetValue(key, out var total) && db.Entry(total).State == EntityState.Detached)
        {
            // The unit of work was cleared since: nothing remembered here is known to be current.
            _totals.Clear();
            _preloaded.Clear();
            total = null;
        }
        if (total is null)
        {
            total = _preloaded.Contains((record.TenantId, year)) ? null : await db.DutyTotals.IgnoreQueryFilters().FirstOrDefaultAsync(
                t => t.DeputyId == record.DeputyId && t.TenantId == record.TenantId && t.Year == year && t.Quarter == quarter && t.Kind == record.Kind,
                cancellationToken);
            if (total is null)
            {
                total = new DutyTotal(record.DeputyId, year, quarter, record.Kind);
                ((ITenantOwned)total).AssignTenant(record.TenantId, record.TenantPath);
                db.DutyTotals.Add(total);
            }
            _totals[key] = total;
        }
        if (!_rules.TryGetValue((record.TenantId, year), out var rules))
        {
            rules = await points.RulesAsync(record.TenantId, year, cancellationToken);
            _rules[(record.TenantId, year)] = rules;
        }
        total.Add(delta, rules.Rules.TryGetValue(record.Kind, out var rule) ? rule : null);
    }
}
