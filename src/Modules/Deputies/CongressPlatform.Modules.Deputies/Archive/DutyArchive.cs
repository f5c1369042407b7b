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
        var total = db.DutyTotals.Local.FirstOrDefault(t => Matches(t, record, year, quarter))
            ?? await db.DutyTotals.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.DeputyId == record.DeputyId && t.TenantId == record.TenantId
                && t.Year == year && t.Quarter == quarter && t.Kind == record.Kind, cancellationToken);
        if (total is null)
        {
            total = new DutyTotal(record.DeputyId, year, quarter, record.Kind);
            ((ITenantOwned)total).AssignTenant(record.TenantId, record.TenantPath);
            db.DutyTotals.Add(total);
        }
        if (!_rules.TryGetValue((record.TenantId, year), out var rules))
        {
            rules = await points.RulesAsync(record.TenantId, year, cancellationToken);
            _rules[(record.TenantId, year)] = rules;
        }
        total.Add(delta, rules.Rules.TryGetValue(record.Kind, out var rule) ? rule : null);
    }

    private static bool Matches(DutyTotal t, DutyRecord r, int year, int quarter) =>
        t.DeputyId == r.DeputyId && t.TenantId == r.TenantId && t.Year == year && t.Quarter == quarter && t.Kind == r.Kind;
}
