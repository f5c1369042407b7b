using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Tenants;

/// <summary>Renames, disables or re-enables a tenant. <c>Version</c> is the one last read (optimistic concurrency).</summary>
[RequiresPermission(IdentityPermissions.TenantsUpdate)]
public sealed record UpdateTenantCommand(Guid Id, string Name, bool IsActive, Guid Version) : ICommand<TenantDto>;

public sealed record UpdateTenantBody(string Name, bool IsActive, Guid Version)
{
    public UpdateTenantCommand ToCommand(Guid id) => new(id, Name, IsActive, Version);
}

internal sealed class UpdateTenantCommandValidator : AbstractValidator<UpdateTenantCommand>
{
    public UpdateTenantCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Version).NotEmpty();
    }
}

internal sealed class UpdateTenantCommandHandler(IdentityDbContext db, ITenantContext tenant, ITenantDirectory directory)
    : IRequestHandler<UpdateTenantCommand, TenantDto>
{
    public async Task<TenantDto> Handle(UpdateTenantCommand request, CancellationToken cancellationToken)
    {
        var entity = await db.Tenants.SingleOrDefaultAsync(t => t.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("单位", "organisation");
        if (!request.IsActive && entity.Id == tenant.TenantId)
        {
            throw new BusinessRuleException("tenant.disable_self", Text.Of(
                "不能停用您当前所在的单位。", "You cannot disable the organisation you are working in."));
        }
        db.Entry(entity).Property(t => t.Version).OriginalValue = request.Version;
        entity.Update(request.Name, request.IsActive);
        // Saved here, not by the unit of work, so the answer carries the renewed version.
        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate(entity.Id);
        return TenantDto.From(entity);
    }
}
