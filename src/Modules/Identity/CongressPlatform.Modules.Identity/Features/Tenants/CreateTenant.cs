using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Tenants;

/// <summary>Creates a street working committee or township presidium under a district the caller supervises.</summary>
[RequiresPermission(IdentityPermissions.TenantsCreate)]
public sealed record CreateTenantCommand(Guid ParentId, string Code, string Name, TenantKind Kind) : ICommand<TenantDto>;

internal sealed class CreateTenantCommandValidator : AbstractValidator<CreateTenantCommand>
{
    public CreateTenantCommandValidator()
    {
        RuleFor(c => c.ParentId).NotEmpty();
        RuleFor(c => c.Code).NotEmpty().Matches(TenantPaths.CodePattern())
            .WithMessage(_ => Text.Of("编码须以小写字母开头,只含小写字母、数字和连字符,长 2–32 位。",
                "The code must start with a lower-case letter and contain only lower-case letters, digits and hyphens (2–32)."));
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Kind).IsInEnum().NotEqual(TenantKind.District)
            .WithMessage(_ => Text.Of("下级单位只能是街道或乡镇。", "A child organisation must be a street or a township."));
    }
}

internal sealed class CreateTenantCommandHandler(IdentityDbContext db, ITenantContext tenant, TimeProvider clock)
    : IRequestHandler<CreateTenantCommand, TenantDto>
{
    public async Task<TenantDto> Handle(CreateTenantCommand request, CancellationToken cancellationToken)
    {
        if (!tenant.SupervisesSubtree && !tenant.IsSystem)
        {
            throw ForbiddenException.OutsideScope();
        }
        var parent = await db.Tenants.SingleOrDefaultAsync(t => t.Id == request.ParentId, cancellationToken)
            ?? throw NotFoundException.For("上级单位", "parent organisation");

        // Codes are unique across the whole deployment, so look past the filters.
        if (await db.Tenants.IgnoreQueryFilters().AnyAsync(t => t.Code == request.Code, cancellationToken))
        {
            throw new ConflictException("tenant.code_taken", Text.Of($"编码“{request.Code}”已被使用。", $"The code '{request.Code}' is taken."));
        }
        if (await db.Tenants.AnyAsync(t => t.ParentId == parent.Id && t.Name == request.Name.Trim(), cancellationToken))
        {
            throw new ConflictException("tenant.name_taken", Text.Of($"已存在名为“{request.Name}”的下级单位。", $"A child named '{request.Name}' exists."));
        }

        var child = parent.CreateChild(request.Code, request.Name, request.Kind, clock.GetUtcNow().UtcDateTime);
        db.Tenants.Add(child);
        db.Publish(new TenantCreatedIntegrationEvent(child.Id, child.Code, child.Name, child.Kind.ToString(), child.Path, child.ParentId));
        return TenantDto.From(child);
    }
}
