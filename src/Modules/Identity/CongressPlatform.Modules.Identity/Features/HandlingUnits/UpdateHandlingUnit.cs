using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.HandlingUnits;

/// <summary>Changes a handling unit. <c>Version</c> is the one last read (optimistic concurrency).</summary>
[RequiresPermission(IdentityPermissions.HandlingUnitsUpdate)]
public sealed record UpdateHandlingUnitCommand(Guid Id, string Name, HandlingUnitKind Kind, string? ContactName, string? ContactPhone, bool IsActive, Guid Version)
    : ICommand<HandlingUnitDto>;

public sealed record UpdateHandlingUnitBody(string Name, HandlingUnitKind Kind, string? ContactName, string? ContactPhone, bool IsActive, Guid Version)
{
    public UpdateHandlingUnitCommand ToCommand(Guid id) => new(id, Name, Kind, ContactName, ContactPhone, IsActive, Version);
}

internal sealed class UpdateHandlingUnitCommandValidator : AbstractValidator<UpdateHandlingUnitCommand>
{
    public UpdateHandlingUnitCommandValidator()
    {
        HandlingUnitRules.Apply(this, c => c.Name, c => c.Kind, c => c.ContactName, c => c.ContactPhone);
        RuleFor(c => c.Version).NotEmpty();
    }
}

internal sealed class UpdateHandlingUnitCommandHandler(IdentityDbContext db, IMediator mediator)
    : IRequestHandler<UpdateHandlingUnitCommand, HandlingUnitDto>
{
    public async Task<HandlingUnitDto> Handle(UpdateHandlingUnitCommand request, CancellationToken cancellationToken)
    {
        var unit = await db.HandlingUnits.SingleOrDefaultAsync(u => u.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("承办单位", "handling unit");
        await HandlingUnitRules.EnsureNameFree(db, unit.TenantId, request.Name, unit.Id, cancellationToken);
        db.Entry(unit).Property(u => u.Version).OriginalValue = request.Version;
        unit.Update(request.Name, request.Kind, request.ContactName, request.ContactPhone, request.IsActive);
        // Saved here, not by the unit of work, so the answer carries the renewed version.
        await db.SaveChangesAsync(cancellationToken);
        return await mediator.Send(new GetHandlingUnitQuery(unit.Id), cancellationToken);
    }
}
