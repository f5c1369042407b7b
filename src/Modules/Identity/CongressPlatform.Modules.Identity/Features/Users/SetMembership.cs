using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Users;

/// <summary>
/// Gives a visible account a membership in a tenant the caller covers, or replaces the roles of the one
/// it has there. A tenant administrator grants and takes away ordinary roles only; the administrator and
/// supervisor roles are the security administrator's to assign (三员分立). No one changes their own roles.
/// </summary>
[RequiresPermission(IdentityPermissions.UsersManage)]
public sealed record SetMembershipCommand(Guid UserId, Guid TenantId, IReadOnlyList<string> Roles) : ICommand<UserDto>;

public sealed record SetMembershipBody(IReadOnlyList<string> Roles)
{
    public SetMembershipCommand ToCommand(Guid userId, Guid tenantId) => new(userId, tenantId, Roles);
}

internal sealed class SetMembershipCommandValidator : AbstractValidator<SetMembershipCommand>
{
    public SetMembershipCommandValidator() => UserAdministrationRules.ApplyRoles(this, c => c.Roles);
}

internal sealed class SetMembershipCommandHandler(
    IdentityDbContext db, ITenantContext scope, ITenantDirectory directory, ICurrentUser currentUser, IMediator mediator, TimeProvider clock,
    IIdentityAudit audit)
    : IRequestHandler<SetMembershipCommand, UserDto>
{
    public async Task<UserDto> Handle(SetMembershipCommand request, CancellationToken cancellationToken)
    {
        var account = await UserAdministrationRules.FindVisibleAsync(db, request.UserId, cancellationToken);
        var target = await directory.FindAsync(request.TenantId, cancellationToken);
        if (target is null || !scope.Covers(target.Id, target.Path))
        {
            throw NotFoundException.For("单位", "organisation");
        }
        UserAdministrationRules.EnsureNotSelf(currentUser, account.Id, "user.own_roles",
            "不能修改自己的角色,请由其他管理员办理。", "You cannot change your own roles; another administrator must.");

        var roles = request.Roles.Select(r => r.Trim()).Where(r => r.Length > 0).ToHashSet(StringComparer.Ordinal);
        var existing = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == account.Id && m.TenantId == target.Id, cancellationToken);
        var before = existing?.RoleList.ToHashSet(StringComparer.Ordinal) ?? [];
        var changed = new HashSet<string>(roles, StringComparer.Ordinal);
        changed.SymmetricExceptWith(before);
        UserAdministrationRules.EnsureMayGrant(currentUser, changed);

        if (existing is null)
        {
            var membership = Membership.Create(account.Id, roles, clock.GetUtcNow().UtcDateTime);
            ((ITenantOwned)membership).AssignTenant(target.Id, target.Path);
            db.Memberships.Add(membership);
        }
        else
        {
            existing.SetRoles(roles);
        }
        if (changed.Count > 0)
        {
            // Saved with the change (outbox): the account's holder is told in their inbox.
            db.Publish(new MembershipChangedIntegrationEvent(account.Id, target.Id, target.Name,
                roles.Order(StringComparer.Ordinal).ToList(), before.Order(StringComparer.Ordinal).ToList()));
        }
        await db.SaveChangesAsync(cancellationToken);
        var was = before.Count == 0 ? "无" : string.Join('、', before.Order(StringComparer.Ordinal));
        await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.MembershipChanged, true, account.Id, account.UserName, currentUser.UserId,
            target.Id, Detail: $"角色:{string.Join('、', roles.Order(StringComparer.Ordinal))}(原:{was})"), cancellationToken);
        return await mediator.Send(new GetUserQuery(account.Id), cancellationToken);
    }
}
