using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.GetPublicDeputyCards;

internal sealed class GetPublicDeputyCardsQueryHandler(DeputiesDbContext db) : IRequestHandler<GetPublicDeputyCardsQuery, IReadOnlyList<PublicDeputyCardDto>>
{
    public async Task<IReadOnlyList<PublicDeputyCardDto>> Handle(GetPublicDeputyCardsQuery request, CancellationToken cancellationToken)
    {
        var ids = request.DeputyIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        // Persons and consents belong to no tenant: public pages ask for the deputies the station lists, whichever tenant.
        var deputies = await db.Deputies.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
        var consents = (await db.Consents.AsNoTracking().Where(c => ids.Contains(c.DeputyId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.DeputyId);
        return deputies.OrderBy(d => d.Name).ThenBy(d => d.Id).Select(d =>
        {
            var granted = ConsentRecord.Current(consents[d.Id]);
            return new PublicDeputyCardDto(d.Id, d.Name, d.Party,
                granted.Contains(ConsentItem.Phone) ? d.Mobile : null,
                granted.Contains(ConsentItem.Email) ? d.Email : null,
                granted.Contains(ConsentItem.Photo) ? d.PhotoAttachmentId : null,
                granted.Contains(ConsentItem.WorkUnit) ? d.WorkUnit : null);
        }).ToList();
    }
}
