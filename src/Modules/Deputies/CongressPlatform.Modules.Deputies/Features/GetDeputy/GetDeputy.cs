using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.Modules.Deputies.Features.GetDeputy;

/// <summary>A deputy's profile, if the caller's tenant organises (or supervises) one of the deputy's seats; otherwise "not found".</summary>
[RequiresPermission(DeputiesPermissions.DeputiesRead)]
public sealed record GetDeputyQuery(Guid Id) : IQuery<DeputyDto>;

internal sealed class GetDeputyQueryHandler(DeputiesDbContext db, ITenantDirectory directory) : IRequestHandler<GetDeputyQuery, DeputyDto>
{
    public Task<DeputyDto> Handle(GetDeputyQuery request, CancellationToken cancellationToken) =>
        RegistryQueries.ProfileAsync(db, directory, request.Id, cancellationToken);
}
