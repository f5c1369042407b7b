using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.Modules.Stations.Features.Stations;

/// <summary>An account that may keep a station: a user of the station's tenant holding staff or station-keeper there.</summary>
public sealed record KeeperCandidateDto(Guid UserId, string UserName, string DisplayName, bool IsStationKeeper);

/// <summary>
/// The keeper picker: the accounts of the station's tenant (the active tenant for a new station) holding staff or
/// station-keeper. A station outside the caller's scope is a 404.
/// </summary>
[RequiresPermission(StationsPermissions.StationsManage)]
public sealed record ListKeeperCandidatesQuery(Guid? StationId) : IQuery<IReadOnlyList<KeeperCandidateDto>>;

internal sealed class ListKeeperCandidatesQueryHandler(StationsDbContext db, ITenantContext tenant, IMediator mediator)
    : IRequestHandler<ListKeeperCandidatesQuery, IReadOnlyList<KeeperCandidateDto>>
{
    public async Task<IReadOnlyList<KeeperCandidateDto>> Handle(ListKeeperCandidatesQuery request, CancellationToken cancellationToken)
    {
        var tenantId = request.StationId is { } id ? (await StationLookup.FindAsync(db, id, cancellationToken)).TenantId : tenant.TenantId;
        return (await StationKeepers.CandidatesAsync(mediator, tenantId, cancellationToken))
            .Select(a => new KeeperCandidateDto(a.UserId, a.UserName, a.DisplayName, a.Roles.Contains(Roles.StationKeeper))).ToList();
    }
}

/// <summary>
/// Who keeps a station. The link to an account (<c>KeeperUserId</c>) is what gives keeper rights (edit the details, manage
/// the rota); the name is kept for display — taken from the account when linked, typed for the old name-only stations.
/// </summary>
internal static class StationKeepers
{
    public static readonly IReadOnlyList<string> KeeperRoles = [Roles.Staff, Roles.StationKeeper];

    public static Task<IReadOnlyList<TenantRoleAccountDto>> CandidatesAsync(IMediator mediator, Guid tenantId, CancellationToken cancellationToken) =>
        mediator.Send(new GetTenantRoleAccountsQuery(tenantId, KeeperRoles), cancellationToken);

    /// <summary>The keeper to store: a newly linked account must be a candidate of the station's tenant (else 422 in Chinese).</summary>
    public static async Task<(Guid? UserId, string? Name)> ResolveAsync(IMediator mediator, Guid tenantId, Guid? keeperUserId, string? keeperName,
        Guid? currentUserId, CancellationToken cancellationToken)
    {
        if (keeperUserId is not { } userId || userId == currentUserId)
        {
            return (keeperUserId, keeperName);
        }
        var account = (await CandidatesAsync(mediator, tenantId, cancellationToken)).FirstOrDefault(a => a.UserId == userId)
            ?? throw new BusinessRuleException("stations.keeper_not_candidate", Text.Of(
                "站长须从本单位持有“工作人员”或“联络站站长”角色的账号中选择。",
                "The keeper must be an account of the station's organisation holding the staff or station-keeper role."));
        var name = account.DisplayName.Length > 50 ? account.DisplayName[..50] : account.DisplayName;
        return (userId, name);
    }
}
