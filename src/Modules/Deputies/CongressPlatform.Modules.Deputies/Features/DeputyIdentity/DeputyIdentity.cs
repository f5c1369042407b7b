using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Features.MyArchive;
using CongressPlatform.Modules.Deputies.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.DeputyIdentity;

internal sealed class GetCurrentDeputyQueryHandler(DeputiesDbContext db, ICurrentUser user) : IRequestHandler<GetCurrentDeputyQuery, CurrentDeputyDto?>
{
    public async Task<CurrentDeputyDto?> Handle(GetCurrentDeputyQuery request, CancellationToken cancellationToken) =>
        await MyDeputy.FindOrNullAsync(db, user, cancellationToken) is { } me ? new CurrentDeputyDto(me.Id, me.Name) : null;
}

internal sealed class GetDeputyAccountsQueryHandler(DeputiesDbContext db) : IRequestHandler<GetDeputyAccountsQuery, IReadOnlyList<DeputyAccountDto>>
{
    public async Task<IReadOnlyList<DeputyAccountDto>> Handle(GetDeputyAccountsQuery request, CancellationToken cancellationToken)
    {
        var ids = request.DeputyIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        // Persons belong to no tenant (as for the public cards): the sender already holds the ids of its own rows.
        return await db.Deputies.AsNoTracking().Where(d => ids.Contains(d.Id) && d.UserId != null)
            .Select(d => new DeputyAccountDto(d.Id, d.UserId!.Value)).ToListAsync(cancellationToken);
    }
}
