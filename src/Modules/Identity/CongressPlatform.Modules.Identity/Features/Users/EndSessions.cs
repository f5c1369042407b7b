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
/// Ends every SSO session of an account and revokes its refresh tokens; the API refuses the access
/// tokens of an ended session (within the access check's few seconds of cache).
/// </summary>
[RequiresPermission(IdentityPermissions.UsersManage)]
public sealed record EndSessionsCommand(Guid Id) : ICommand<Unit>;

internal sealed class EndSessionsCommandHandler(
    IdentityDbContext db, UserManager<UserAccount> users, ICurrentUser currentUser, ITenantContext scope, IIdentityAudit audit, SsoSessions sessions)
    : IRequestHandler<EndSessionsCommand, Unit>
{
    public async Task<Unit> Handle(EndSessionsCommand request, CancellationToken cancellationToken)
    {
        var account = await UserAdministrationRules.FindVisibleAsync(db, request.Id, cancellationToken);
        await UserAdministrationRules.EnsureMayManageAsync(db, currentUser, account.Id, cancellationToken);
        UserAdministrationRules.ThrowIfFailed(await users.UpdateSecurityStampAsync(account));
        await sessions.EndAllAsync(account.Id, "ended_by_administrator", cancellationToken);
        await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.SessionEnded, true, account.Id, account.UserName, currentUser.UserId,
            scope.AuditTenantId(), Detail: "管理员结束该账号的全部会话"), cancellationToken);
        return Unit.Value;
    }
}
