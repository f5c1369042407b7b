using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.HandlingUnits;

/// <summary>
/// Registers a handling unit in the active tenant, or — for a supervisor — in a tenant of its subtree
/// (<c>TenantId</c>). Names are unique within a tenant.
/// </summary>
[RequiresPermission(IdentityPermissions.HandlingUnitsCreate)]
public sealed record CreateHandlingUnitCommand(Guid? TenantId, string Name, HandlingUnitKind Kind, string? ContactName, string? ContactPhone)
    : ICommand<HandlingUnitDto>;

internal sealed class CreateHandlingUnitCommandValidator : AbstractValidator<CreateHandlingUnitCommand>
{
    public CreateHandlingUnitCommandValidator() => HandlingUnitRules.Apply(this, c => c.Name, c => c.Kind, c => c.ContactName, c => c.ContactPhone);
}

internal sealed class CreateHandlingUnitCommandHandler(IdentityDbContext db, ITenantContext scope, ITenantDirectory directory, TimeProvider clock)
    : IRequestHandler<CreateHandlingUnitCommand, HandlingUnitDto>
{
    public async Task<HandlingUnitDto> Handle(CreateHandlingUnitCommand request, CancellationToken cancellationToken)
    {
        var target = request.TenantId is { } id && id != scope.TenantId
            ? await directory.FindAsync(id, cancellationToken)
            : await directory.FindAsync(scope.TenantId, cancellationToken);
        if (target is null || !scope.Covers(target.Id, target.Path))
        {
            throw NotFoundException.For("单位", "organisation");
        }
        await HandlingUnitRules.EnsureNameFree(db, target.Id, request.Name, null, cancellationToken);

        var unit = HandlingUnit.Create(request.Name, request.Kind, request.ContactName, request.ContactPhone, clock.GetUtcNow().UtcDateTime);
        ((ITenantOwned)unit).AssignTenant(target.Id, target.Path);
        db.HandlingUnits.Add(unit);
        return new HandlingUnitDto(unit.Id, target.Id, target.Name, unit.Name, unit.Kind, unit.ContactName, unit.ContactPhone, unit.IsActive, unit.Version);
    }
}
