using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Archive;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.IntegrationEvents;

/// <summary>
/// Adds another module's act of duty to the deputy's archive, once per source: a second delivery of the same event,
/// or a new event for the same source, finds the record already there and changes nothing.
/// </summary>
internal sealed class DutyPerformedIntegrationEventHandler(DeputiesDbContext db, DutyArchive archive, ITenantDirectory tenants, TimeProvider clock)
    : IntegrationEventHandler<DutyPerformedIntegrationEvent, DeputiesDbContext>(db)
{
    public override string Name => "deputies.duty-performed";

    protected override async Task Handle(DutyPerformedIntegrationEvent e, CancellationToken cancellationToken)
    {
        if (await Db.DutyRecords.IgnoreQueryFilters()
                .AnyAsync(r => r.SourceModule == e.SourceModule && r.SourceId == e.SourceId && r.DeputyId == e.DeputyId, cancellationToken))
        {
            return;
        }
        if (!await Db.Deputies.AnyAsync(d => d.Id == e.DeputyId, cancellationToken))
        {
            throw new InvalidOperationException($"Duty record from {e.SourceModule}/{e.SourceId}: deputy {e.DeputyId} does not exist.");
        }
        var tenant = await tenants.FindAsync(e.TenantId, cancellationToken)
            ?? throw new InvalidOperationException($"Duty record from {e.SourceModule}/{e.SourceId}: tenant {e.TenantId} does not exist.");
        var record = new DutyRecord(e.DeputyId, e.Kind, e.OccurredOn, e.Title, e.SourceModule, e.SourceId, e.Attendance,
            e.LeaveReason, e.Evidence, clock.GetUtcNow().UtcDateTime, recordedBy: null);
        ((ITenantOwned)record).AssignTenant(tenant.Id, tenant.Path);
        await archive.AddAsync(record, cancellationToken);
    }
}
