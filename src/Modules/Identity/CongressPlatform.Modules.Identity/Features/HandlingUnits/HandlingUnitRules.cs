using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.HandlingUnits;

/// <summary>Field rules and the name check shared by creating and changing a handling unit.</summary>
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
