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

/// <summary>Changes a handling unit. <c>Version</c> is the one last read (optimistic concurrency).</summary>
[RequiresPermission(IdentityPermissions.HandlingUnitsUpdate)]
public sealed record UpdateHandlingUnitCommand(Guid Id, string Name, HandlingUnitKind Kind, string? ContactName, string? ContactPhone, bool IsActive, Guid Version)
    : ICommand<HandlingUnitDto>;

public sealed record UpdateHandlingUnitBody(string Name, HandlingUnitKind Kind, string? ContactName, string? ContactPhone, bool IsActive, Guid Version)
{
    public UpdateHandlingUnitCommand ToCommand(Guid id) => new(id, Name, Kind, ContactName, ContactPhone, IsActive, Version);
}

internal static class HandlingUnitRules
{
    public static void Apply<T>(AbstractValidator<T> validator, Func<T, string> name, Func<T, HandlingUnitKind> kind, Func<T, string?> contactName, Func<T, string?> contactPhone)
    {
        validator.RuleFor(x => name(x)).NotEmpty().MaximumLength(100).OverridePropertyName("name").WithName(_ => Text.Of("名称", "Name"));
        validator.RuleFor(x => kind(x)).IsInEnum().OverridePropertyName("kind").WithName(_ => Text.Of("类型", "Kind"));
        validator.RuleFor(x => contactName(x)).MaximumLength(50).OverridePropertyName("contactName").WithName(_ => Text.Of("联系人", "Contact"));
        validator.RuleFor(x => contactPhone(x)).MaximumLength(30).Matches(@"^[0-9+\-() ]*$").OverridePropertyName("contactPhone")
            .WithMessage(_ => Text.Of("联系电话只能包含数字、空格和 + - ( )。", "The phone may contain only digits, spaces and + - ( )."));
    }

    public static async Task EnsureNameFree(IdentityDbContext db, Guid tenantId, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        if (await db.HandlingUnits.IgnoreQueryFilters([IdentityDbContext.TenantFilter])
                .AnyAsync(u => u.TenantId == tenantId && u.Name == trimmed && u.Id != exceptId, cancellationToken))
        {
            throw new ConflictException("handling_unit.name_taken", Text.Of(
                $"本单位已有名为“{trimmed}”的承办单位。", $"A handling unit named '{trimmed}' already exists here."));
        }
    }
}

internal sealed class CreateHandlingUnitCommandValidator : AbstractValidator<CreateHandlingUnitCommand>
{
    public CreateHandlingUnitCommandValidator() => HandlingUnitRules.Apply(this, c => c.Name, c => c.Kind, c => c.ContactName, c => c.ContactPhone);
}

internal sealed class UpdateHandlingUnitCommandValidator : AbstractValidator<UpdateHandlingUnitCommand>
{
    public UpdateHandlingUnitCommandValidator()
    {
        HandlingUnitRules.Apply(this, c => c.Name, c => c.Kind, c => c.ContactName, c => c.ContactPhone);
        RuleFor(c => c.Version).NotEmpty();
    }
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
