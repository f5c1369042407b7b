using CongressPlatform.BuildingBlocks.Audit;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.RevealDeputyContact;

/// <summary>
/// The full mobile and e-mail of a visible deputy, for staff who must call or write to them. Every reveal is written to the
/// audit log (<c>deputies.personal_data.revealed</c>, with the reason) before the numbers are returned.
/// </summary>
[RequiresPermission(DeputiesPermissions.DeputiesRevealContact)]
public sealed record RevealDeputyContactQuery(Guid Id, string Reason) : IQuery<DeputyContactDto>;

public sealed record RevealDeputyContactBody(string Reason)
{
    public RevealDeputyContactQuery ToQuery(Guid id) => new(id, Reason);
}

public sealed record DeputyContactDto(Guid Id, string Mobile, string? Email);

internal sealed class RevealDeputyContactQueryValidator : AbstractValidator<RevealDeputyContactQuery>
{
    public RevealDeputyContactQueryValidator() =>
        RuleFor(q => q.Reason).NotEmpty().MaximumLength(200).WithName(_ => Text.Of("查看原因", "Reason"));
}

internal sealed class RevealDeputyContactQueryHandler(DeputiesDbContext db, IAuditLog audit) : IRequestHandler<RevealDeputyContactQuery, DeputyContactDto>
{
    public async Task<DeputyContactDto> Handle(RevealDeputyContactQuery request, CancellationToken cancellationToken)
    {
        var deputy = await db.VisibleDeputies.AsNoTracking().Where(d => d.Id == request.Id)
            .Select(d => new { d.Id, d.Name, d.Mobile, d.Email }).SingleOrDefaultAsync(cancellationToken)
            ?? throw RegistryQueries.NotFound();
        await audit.RecordAsync(new AuditRecord("deputies.personal_data.revealed", EntityType: "Deputy", EntityId: deputy.Id.ToString(),
            Detail: $"查看代表 {deputy.Name} 的完整联系方式,原因:{request.Reason.Trim()}"), cancellationToken);
        return new DeputyContactDto(deputy.Id, deputy.Mobile, deputy.Email);
    }
}
