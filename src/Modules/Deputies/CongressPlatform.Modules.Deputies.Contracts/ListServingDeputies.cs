using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Contracts;

/// <summary>
/// The deputies serving in a seat organised by the active tenant (its subtree for a supervisor; every tenant in a system
/// scope), for pickers and checks in other modules (Stations assigns them to stations). <c>Search</c> matches the name;
/// <c>Ids</c>, when given, limits the answer to those deputies. At most 200 rows, by name.
/// </summary>
[NoPermissionRequired("Sent by other modules (Stations) behind their own permission; the tenant filters limit it to the caller's seats")]
public sealed record ListServingDeputiesQuery(string? Search, IReadOnlyCollection<Guid>? Ids) : IQuery<IReadOnlyList<ServingDeputyDto>>;

/// <param name="Summary">The serving seats in words, e.g. <c>区第十七届人大代表</c>.</param>
/// <param name="TenantIds">The tenants organising the deputy's serving seats (within the caller's scope).</param>
public sealed record ServingDeputyDto(Guid DeputyId, string Name, string Summary, IReadOnlyList<Guid> TenantIds);
