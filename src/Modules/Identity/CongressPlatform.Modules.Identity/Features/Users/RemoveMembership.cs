using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Users;

/// <summary>
/// Ends an account's membership in a tenant of the caller's scope. Taking away administrator or
/// supervisor roles is the security administrator's; no one removes their own membership in the active tenant.
/// </summary>
[RequiresPermission(IdentityPermissions.UsersManage)]
public sealed record RemoveMembershipCommand(Guid UserId, Guid TenantId) : ICommand<Unit>;

internal sealed class RemoveMembershipCommandHandler(IdentityDbContext db, ITenantContext scope, ICurrentUser currentUser, IIdentityAudit audit)
    : IRequestHandler<RemoveMembershipCommand, Unit>
{
    public async Task<Unit> Handle(RemoveMembershipCommand request, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == request.UserId && m.TenantId == request.TenantId, cancellationToken)
            ?? throw NotFoundException.For("成员关系", "membership");
        if (request.TenantId == scope.TenantId)
        {
            UserAdministrationRules.EnsureNotSelf(currentUser, request.UserId, "user.remove_own_membership",
                "不能将自己移出当前所在单位。", "You cannot remove your own membership in the organisation you are working in.");
        }
        UserAdministrationRules.EnsureMayGrant(currentUser, membership.RoleList);
        db.Memberships.Remove(membership);
        // Saved here, not by the unit of work afterwards: the audit entry records a removal that has happened.
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.MembershipRemoved, true, request.UserId, ActorId: currentUser.UserId,
            TenantId: request.TenantId, Detail: $"原角色:{string.Join('、', membership.RoleList)}"), cancellationToken);
        return Unit.Value;
    }
}
