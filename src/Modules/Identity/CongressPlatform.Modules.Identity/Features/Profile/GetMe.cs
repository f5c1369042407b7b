using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Oidc;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Profile;

/// <summary>Who is signed in, the active tenant, its roles and permissions, and every seat (for the tenant switcher).</summary>
[RequiresPermission(IdentityPermissions.ProfileRead)]
public sealed record GetMeQuery : IQuery<MeDto>;

public sealed record MeDto(MeUserDto User, MeTenantDto Tenant, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions, IReadOnlyList<MeMembershipDto> Memberships);

public sealed record MeUserDto(Guid Id, string UserName, string DisplayName, string? PhoneNumber, bool TwoFactorEnabled);

public sealed record MeTenantDto(Guid Id, string Code, string Name, string Kind, bool Supervised);

public sealed record MeMembershipDto(Guid TenantId, string TenantCode, string TenantName, string TenantKind, IReadOnlyList<string> Roles);

internal sealed class GetMeQueryHandler(IdentityDbContext db, ICurrentUser currentUser, ITenantContext tenant, ITenantDirectory directory, TenantAccess access)
    : IRequestHandler<GetMeQuery, MeDto>
{
    public async Task<MeDto> Handle(GetMeQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId ?? throw new ForbiddenException("identity.not_signed_in", Text.Of("请先登录。", "Please sign in."));
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw NotFoundException.For("用户", "user");
        var active = await directory.FindAsync(tenant.TenantId, cancellationToken) ?? throw NotFoundException.For("单位", "organisation");
        var seats = await access.SeatsAsync(userId, cancellationToken);
        return new MeDto(
            new MeUserDto(user.Id, user.UserName, user.DisplayName, Features.Users.UserAdministrationRules.MaskPhone(user.PhoneNumber), user.TwoFactorEnabled),
            new MeTenantDto(active.Id, active.Code, active.Name, active.Kind.ToString(), seats.All(s => s.Tenant.Id != active.Id)),
            currentUser.Roles.ToList(),
            currentUser.Permissions.Order(StringComparer.Ordinal).ToList(),
            seats.Select(s => new MeMembershipDto(s.Tenant.Id, s.Tenant.Code, s.Tenant.Name, s.Tenant.Kind.ToString(), s.Roles)).ToList());
    }
}
