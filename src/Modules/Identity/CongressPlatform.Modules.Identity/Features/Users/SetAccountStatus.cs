using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Oidc;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace CongressPlatform.Modules.Identity.Features.Users;

/// <summary>
/// Disables an account (it can no longer sign in, and its sessions end) or enables it again.
/// No one disables their own account.
/// </summary>
[RequiresPermission(IdentityPermissions.UsersManage)]
public sealed record SetAccountStatusCommand(Guid Id, bool Enabled) : ICommand<UserDto>;

internal sealed class SetAccountStatusCommandHandler(IdentityDbContext db, UserManager<UserAccount> users, ICurrentUser currentUser, IMediator mediator,
    ITenantContext scope, IIdentityAudit audit, SsoSessions sessions)
    : IRequestHandler<SetAccountStatusCommand, UserDto>
{
    public async Task<UserDto> Handle(SetAccountStatusCommand request, CancellationToken cancellationToken)
    {
        var account = await UserAdministrationRules.FindVisibleAsync(db, request.Id, cancellationToken);
        if (!request.Enabled)
        {
            UserAdministrationRules.EnsureNotSelf(currentUser, account.Id, "user.disable_self",
                "不能停用自己的账号。", "You cannot disable your own account.");
        }
        await UserAdministrationRules.EnsureMayManageAsync(db, currentUser, account.Id, cancellationToken);

        if (request.Enabled)
        {
            account.Enable();
            UserAdministrationRules.ThrowIfFailed(await users.UpdateAsync(account));
        }
        else
        {
            account.Disable();
            // A disabled account's sessions end with it.
            UserAdministrationRules.ThrowIfFailed(await users.UpdateSecurityStampAsync(account));
            await sessions.EndAllAsync(account.Id, "account_disabled", cancellationToken);
        }
        await audit.RecordAsync(new IdentityAuditRecord(
            request.Enabled ? IdentityAuditKinds.AccountEnabled : IdentityAuditKinds.AccountDisabled, true, account.Id, account.UserName,
            currentUser.UserId, scope.AuditTenantId(), Detail: request.Enabled ? "启用账号" : "停用账号;会话已结束"), cancellationToken);
        return await mediator.Send(new GetUserQuery(account.Id), cancellationToken);
    }
}
