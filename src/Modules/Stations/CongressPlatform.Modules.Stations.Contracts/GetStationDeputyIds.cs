using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Stations.Contracts;

/// <summary>
/// The deputies currently assigned to a station the caller may see (for the Deputies list's station filter). A station
/// of another tenant, or an unknown one, answers an empty list.
/// </summary>
[NoPermissionRequired("Sent by other modules behind their own permission; the tenant filters limit it to visible stations")]
public sealed record GetStationDeputyIdsQuery(Guid StationId) : IQuery<IReadOnlyList<Guid>>;
