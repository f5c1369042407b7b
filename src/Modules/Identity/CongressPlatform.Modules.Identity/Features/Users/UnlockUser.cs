using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace CongressPlatform.Modules.Identity.Features.Users;

/// <summary>Lifts a lockout after too many failed sign-ins and resets the failure count.</summary>
[RequiresPermission(IdentityPermissions.UsersManage)]
public sealed record UnlockUserCommand(Guid Id) : ICommand<UserDto>;

internal sealed class UnlockUserCommandHandler(IdentityDbContext db, UserManager<UserAccount> users, ICurrentUser currentUser, IMediator mediator,
    ITenantContext scope, IIdentityAudit audit)
    : IRequestHandler<UnlockUserCommand, UserDto>
{
    public async Task<UserDto> Handle(UnlockUserCommand request, CancellationToken cancellationToken)
    {
        var account = await UserAdministrationRules.FindVisibleAsync(db, request.Id, cancellationToken);
        await UserAdministrationRules.EnsureMayManageAsync(db, currentUser, account.Id, cancellationToken);
        account.LockoutEndUtc = null;
        account.AccessFailedCount = 0;
        UserAdministrationRules.ThrowIfFailed(await users.UpdateAsync(account));
        await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.AccountUnlocked, true, account.Id, account.UserName, currentUser.UserId,
            scope.AuditTenantId(), Detail: "解除登录锁定,失败次数清零"), cancellationToken);
        return await mediator.Send(new GetUserQuery(account.Id), cancellationToken);
    }
}
