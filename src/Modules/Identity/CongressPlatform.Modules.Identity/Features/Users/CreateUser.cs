using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Users;

/// <summary>
/// Opens an account with its first membership: in the active tenant, or — for a supervisor — in a
/// tenant of its subtree (<c>TenantId</c>). The server chooses a strong temporary password, returns it
/// this once, and the person must change it at the first sign-in.
/// </summary>
[RequiresPermission(IdentityPermissions.UsersManage)]
public sealed record CreateUserCommand(
    string UserName, string DisplayName, string? PhoneNumber, string? Email, DateOnly? TermEndsOn, Guid? TenantId, IReadOnlyList<string> Roles)
    : ICommand<CreatedUserDto>;

internal sealed class CreateUserCommandValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserCommandValidator()
    {
        RuleFor(c => c.UserName).NotEmpty().MaximumLength(64).WithName(_ => Text.Of("用户名", "User name"));
        UserAdministrationRules.ApplyProfile(this, c => c.DisplayName, c => c.PhoneNumber, c => c.Email);
        UserAdministrationRules.ApplyRoles(this, c => c.Roles);
    }
}

internal sealed class CreateUserCommandHandler(
    IdentityDbContext db, UserManager<UserAccount> users, ITenantContext scope, ITenantDirectory directory,
    ICurrentUser currentUser, IMediator mediator, TimeProvider clock, IIdentityAudit audit)
    : IRequestHandler<CreateUserCommand, CreatedUserDto>
{
    public async Task<CreatedUserDto> Handle(CreateUserCommand request, CancellationToken cancellationToken)
    {
        var target = await directory.FindAsync(request.TenantId ?? scope.TenantId, cancellationToken);
        if (target is null || !scope.Covers(target.Id, target.Path))
        {
            throw NotFoundException.For("单位", "organisation");
        }
        UserAdministrationRules.EnsureMayGrant(currentUser, request.Roles);

        var now = clock.GetUtcNow().UtcDateTime;
        var account = UserAccount.Create(request.UserName, request.DisplayName, request.PhoneNumber, request.Email, request.TermEndsOn, now);
        var membership = Membership.Create(account.Id, request.Roles, now);
        ((ITenantOwned)membership).AssignTenant(target.Id, target.Path);
        db.Memberships.Add(membership);

        // UserManager validates (name, phone, password) before its store saves; the account and its
        // membership are then written by the same SaveChanges, or not at all.
        var password = await UserAdministrationRules.NewTemporaryPasswordAsync(users, account);
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(account, password);
        }
        catch
        {
            Forget(account, membership);
            throw;
        }
        if (!result.Succeeded)
        {
            Forget(account, membership);
            UserAdministrationRules.ThrowIfFailed(result);
        }
        await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.AccountCreated, true, account.Id, account.UserName, currentUser.UserId,
            target.Id, Detail: $"开户,角色:{string.Join('、', membership.RoleList)}"), cancellationToken);
        return new CreatedUserDto(await mediator.Send(new GetUserQuery(account.Id), cancellationToken), password);
    }

    private void Forget(UserAccount account, Membership membership)
    {
        db.Entry(membership).State = EntityState.Detached;
        db.Entry(account).State = EntityState.Detached;
    }
}
