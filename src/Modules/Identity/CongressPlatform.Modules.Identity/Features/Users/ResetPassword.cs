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
/// Sets a new temporary password, returned this once: the next sign-in must choose a new one. Ends the
/// account's sessions (new security stamp) and clears a lockout.
/// </summary>
[RequiresPermission(IdentityPermissions.UsersManage)]
public sealed record ResetPasswordCommand(Guid Id) : ICommand<TemporaryPasswordDto>;

internal sealed class ResetPasswordCommandHandler(IdentityDbContext db, UserManager<UserAccount> users, ICurrentUser currentUser, TimeProvider clock,
    ITenantContext scope, IIdentityAudit audit, SsoSessions sessions)
    : IRequestHandler<ResetPasswordCommand, TemporaryPasswordDto>
{
    public async Task<TemporaryPasswordDto> Handle(ResetPasswordCommand request, CancellationToken cancellationToken)
    {
        var account = await UserAdministrationRules.FindVisibleAsync(db, request.Id, cancellationToken);
        await UserAdministrationRules.EnsureMayManageAsync(db, currentUser, account.Id, cancellationToken);

        var password = await UserAdministrationRules.NewTemporaryPasswordAsync(users, account);
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
        account.PasswordReset(clock.GetUtcNow().UtcDateTime);
        account.LockoutEndUtc = null;
        account.AccessFailedCount = 0;
        // Renews the security stamp and saves everything above in one go.
        UserAdministrationRules.ThrowIfFailed(await users.UpdateSecurityStampAsync(account));
        await sessions.EndAllAsync(account.Id, "password_reset", cancellationToken);
        await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.PasswordReset, true, account.Id, account.UserName, currentUser.UserId,
            scope.AuditTenantId(), Detail: "管理员重置密码(临时密码,首次登录须修改);会话已结束"), cancellationToken);
        return new TemporaryPasswordDto(password);
    }
}
