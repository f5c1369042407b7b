using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Receptions;

/// <summary>What the reception use cases share: finding an event in scope and loading it whole.</summary>
internal static class ReceptionAccess
{
    public static NotFoundException EventNotFound() =>
        new("stations.reception_not_found", Text.Of("未找到该集中接待活动。", "Reception event not found."));

    /// <summary>The event in the active scope (tenant filters apply: a sibling street's event is not found).</summary>
    public static async Task<ReceptionEvent> EventAsync(StationsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.ReceptionEvents.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw EventNotFound();

    public static async Task<List<ReceptionVenue>> VenuesAsync(StationsDbContext db, Guid eventId, CancellationToken cancellationToken) =>
        await db.ReceptionVenues.Where(v => v.EventId == eventId).ToListAsync(cancellationToken);

    public static async Task<List<ReceptionParticipant>> ParticipantsAsync(StationsDbContext db, Guid eventId, CancellationToken cancellationToken) =>
        await db.ReceptionParticipants.Where(p => p.EventId == eventId).ToListAsync(cancellationToken);

    public static async Task<ReceptionEventDto> DetailAsync(StationsDbContext db, ReceptionEvent e, CancellationToken cancellationToken) =>
        ReceptionEventDto.From(e, await VenuesAsync(db, e.Id, cancellationToken), await ParticipantsAsync(db, e.Id, cancellationToken));

    /// <summary>The wall-clock time in Beijing (event times are Beijing times).</summary>
    public static DateTime NowInChina(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ChinaTime.Zone).DateTime;

    /// <summary>The district reads its streets' events; only the organisation running one changes it (403 otherwise).</summary>
    public static void EnsureOwn(ReceptionEvent e, ITenantContext tenant)
    {
        if (e.TenantId != tenant.TenantId)
        {
            throw new ForbiddenException("stations.reception_not_yours",
                Text.Of("只有举办该活动的街道(乡镇)可以更改。", "Only the organisation running the event may change it."));
        }
    }

    /// <summary>The open stations of the active tenant with these ids, or 422 in Chinese naming what is wrong.</summary>
    public static async Task<List<Station>> StationsAsync(StationsDbContext db, ITenantContext tenant, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken)
    {
        var found = await db.Stations.AsNoTracking().Where(s => ids.Contains(s.Id) && s.TenantId == tenant.TenantId).ToListAsync(cancellationToken);
        if (found.Count != ids.Distinct().Count())
        {
            throw new BusinessRuleException("stations.reception_station_unknown", Text.Of(
                "只能选择本街道(乡镇)的联络站作为接待地点。", "Venues must be stations of your own organisation."));
        }
        if (found.FirstOrDefault(s => !s.IsActive) is { } closed)
        {
            throw new BusinessRuleException("stations.inactive", Text.Of($"{closed.Name}已停用,不能作为接待地点。", $"{closed.Name} is closed."));
        }
        return found;
    }

    /// <summary>The serving deputies of the active tenant with these ids (asked of Deputies), or 422 in Chinese.</summary>
    public static async Task<Dictionary<Guid, string>> ServingDeputiesAsync(IMediator sender, ITenantContext tenant, IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var serving = (await sender.Send(new ListServingDeputiesQuery(null, ids.Distinct().ToList()), cancellationToken))
            .Where(d => d.TenantIds.Contains(tenant.TenantId)).ToDictionary(d => d.DeputyId, d => d.Name);
        if (ids.Any(id => !serving.ContainsKey(id)))
        {
            throw new BusinessRuleException("stations.deputy_not_serving", Text.Of(
                "参加人员须是本街道(乡镇)组织的在任代表。", "Participants must hold a serving seat organised by your organisation."));
        }
        return serving;
    }
}
