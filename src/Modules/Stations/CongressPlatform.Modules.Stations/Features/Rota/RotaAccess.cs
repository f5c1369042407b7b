using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Rota;

/// <summary>What the rota's use cases share: finding the station in scope, who may manage it, the caller's deputy identity.</summary>
internal static class RotaAccess
{
    public static NotFoundException StationNotFound() =>
        new("stations.station_not_found", Text.Of("未找到该联络站。", "Station not found."));

    public static NotFoundException WeekNotFound() =>
        new("stations.rota_week_not_found", Text.Of("未找到该值班周。", "Rota week not found."));

    /// <summary>The station in the active scope (tenant filters apply: a sibling street's station is not found).</summary>
    public static async Task<Station> StationAsync(StationsDbContext db, Guid stationId, CancellationToken cancellationToken) =>
        await db.Stations.SingleOrDefaultAsync(s => s.Id == stationId, cancellationToken) ?? throw StationNotFound();

    /// <summary>A station keeper (without an office role) manages only the stations they keep.</summary>
    public static void EnsureMayManage(Station station, ICurrentUser user)
    {
        if (user.IsSystem || user.Roles.Any(r => r is Roles.TenantAdmin or Roles.Staff or Roles.SystemAdmin))
        {
            return;
        }
        if (station.KeeperUserId is null || station.KeeperUserId != user.UserId)
        {
            throw new ForbiddenException("stations.not_keeper",
                Text.Of("您不是该联络站的站长,不能管理其值班表。", "You are not this station's keeper."));
        }
    }

    /// <summary>The signed-in deputy (from the Deputies module), or 403 in Chinese.</summary>
    public static async Task<CurrentDeputyDto> MeAsync(IMediator sender, CancellationToken cancellationToken) =>
        await sender.Send(new GetCurrentDeputyQuery(), cancellationToken)
        ?? throw new ForbiddenException("stations.not_a_deputy",
            Text.Of("您的账号尚未关联本单位的代表档案,请联系人大工作人员。", "Your account is not linked to a deputy of this organisation."));

    public static async Task<List<RotaCandidate>> CandidatesAsync(StationsDbContext db, Guid stationId, CancellationToken cancellationToken) =>
        await db.StationDeputies.AsNoTracking().Where(a => a.StationId == stationId)
            .Select(a => new RotaCandidate(a.DeputyId, a.DeputyName, a.AssignedOn, a.EndedOn)).ToListAsync(cancellationToken);

    /// <summary>The Monday after <paramref name="today"/>: the week the Friday job reminds.</summary>
    public static DateOnly NextMonday(DateOnly today) => RotaPlanner.Monday(today).AddDays(7);
}
