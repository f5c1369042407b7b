using CongressPlatform.BuildingBlocks.Outbox;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.IntegrationEvents;

/// <summary>A new street or township starts with the default duty-points policy for the current year (Beijing time).</summary>
internal sealed class TenantCreatedIntegrationEventHandler(DeputiesDbContext db, TimeProvider clock)
    : IntegrationEventHandler<TenantCreatedIntegrationEvent, DeputiesDbContext>(db)
{
    public override string Name => "deputies.default-points-policy";

    protected override async Task Handle(TenantCreatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var year = TimeZoneInfo.ConvertTime(now, ChinaTime.Zone).Year;
        if (await Db.PointsPolicies.AnyAsync(p => p.TenantId == integrationEvent.TenantId && p.Year == year, cancellationToken))
        {
            return;
        }
        var policy = PointsPolicy.CreateDefault(year, now.UtcDateTime);
        ((ITenantOwned)policy).AssignTenant(integrationEvent.TenantId, integrationEvent.Path);
        Db.PointsPolicies.Add(policy);
        Db.PointsPolicyRevisions.Add(PointsPolicyRevision.Of(policy, savedBy: null));
    }
}
