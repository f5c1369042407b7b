using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Features.Users;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.DeputyAccounts;

internal sealed class ProvisionDeputyAccountCommandValidator : AbstractValidator<ProvisionDeputyAccountCommand>
{
    public ProvisionDeputyAccountCommandValidator()
    {
        UserAdministrationRules.ApplyProfile(this, c => c.Name, c => c.Mobile, c => c.Email);
        RuleFor(c => c.Mobile).NotEmpty().WithName(_ => Text.Of("手机号", "Mobile number"));
        RuleFor(c => c.TenantIds).NotNull().Must(t => t is { Count: > 0 and <= 20 })
            .WithMessage(_ => Text.Of("至少需要一个在任席位所在的单位。", "At least one tenant of a serving seat is required."));
    }
}

/// <summary>
/// The deputy's account: found by the linked id, else by the mobile (one person, one account), else opened like
/// <see cref="CreateUserCommandHandler"/> does (user name = mobile, temporary password, must change it at first sign-in).
/// Each tenant then holds a membership with the deputy role; a role added is told to the holder through
/// <see cref="MembershipChangedIntegrationEvent"/>, as <see cref="SetMembershipCommandHandler"/> does.
/// </summary>
internal sealed class ProvisionDeputyAccountCommandHandler(
    IdentityDbContext db, UserManager<UserAccount> users, ITenantContext scope, ITenantDirectory directory,
    ICurrentUser currentUser, TimeProvider clock, IIdentityAudit audit)
    : IRequestHandler<ProvisionDeputyAccountCommand, ProvisionedDeputyAccountDto>
{
    public async Task<ProvisionedDeputyAccountDto> Handle(ProvisionDeputyAccountCommand request, CancellationToken cancellationToken)
    {
        var mobile = request.Mobile.Trim();
        var targets = new List<TenantInfo>();
        foreach (var id in request.TenantIds.Distinct())
        {
            var tenant = await directory.FindAsync(id, cancellationToken);
            if (tenant is null || !scope.Covers(tenant.Id, tenant.Path))
            {
                throw NotFoundException.For("单位", "organisation");
            }
            targets.Add(tenant);
        }

        var account = request.UserId is { } linked
            ? await db.Users.SingleOrDefaultAsync(u => u.Id == linked, cancellationToken)
            : await db.Users.SingleOrDefaultAsync(u => u.PhoneNumber == mobile, cancellationToken);
        if (account is not null && request.UserId is null && account.DisplayName != request.Name.Trim())
        {
            // The mobile is the person's key; a different name means a typing error, not the same person.
            throw new ConflictException("deputy_account.mobile_taken", Text.Of(
                "该手机号已被另一位姓名不同的用户的账号使用,请核对代表的手机号。",
                "This mobile number belongs to an account of someone with another name; check the deputy's mobile."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = account is null;
        string? password = null;
        if (account is null)
        {
            account = UserAccount.Create(mobile, request.Name, mobile, request.Email, null, now);
            password = await UserAdministrationRules.NewTemporaryPasswordAsync(users, account);
        }

        var added = new List<Guid>();
        var existing = await db.Memberships.Where(m => m.UserId == account.Id).ToListAsync(cancellationToken);
        foreach (var tenant in targets)
        {
            var membership = existing.SingleOrDefault(m => m.TenantId == tenant.Id);
            var before = membership?.RoleList.ToList() ?? [];
            if (before.Contains(Roles.Deputy, StringComparer.Ordinal))
            {
                continue;
            }
            if (membership is null)
            {
                membership = Membership.Create(account.Id, [Roles.Deputy], now);
                ((ITenantOwned)membership).AssignTenant(tenant.Id, tenant.Path);
                db.Memberships.Add(membership);
            }
            else
            {
                membership.SetRoles([.. before, Roles.Deputy]);
            }
            db.Publish(new MembershipChangedIntegrationEvent(account.Id, tenant.Id, tenant.Name,
                membership.RoleList.Order(StringComparer.Ordinal).ToList(), before.Order(StringComparer.Ordinal).ToList()));
            added.Add(tenant.Id);
        }

        if (created)
        {
            // As CreateUser: UserManager validates (user name, phone, password) and its store saves the account with the
            // memberships above in one SaveChanges, or nothing.
            IdentityResult result;
            try
            {
                result = await users.CreateAsync(account, password!);
            }
            catch
            {
                Forget(account);
                throw;
            }
            if (!result.Succeeded)
            {
                Forget(account);
                UserAdministrationRules.ThrowIfFailed(result);
            }
            await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.AccountCreated, true, account.Id, account.UserName, currentUser.UserId,
                targets[0].Id, Detail: "代表邀请开户,角色:人大代表"), cancellationToken);
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        foreach (var tenantId in added)
        {
            await audit.RecordAsync(new IdentityAuditRecord(IdentityAuditKinds.MembershipChanged, true, account.Id, account.UserName, currentUser.UserId,
                tenantId, Detail: "代表邀请:授予人大代表角色"), cancellationToken);
        }
        return new ProvisionedDeputyAccountDto(account.Id, account.UserName, created, password, added, account.Status == AccountStatus.Active);
    }

    private void Forget(UserAccount account)
    {
        foreach (var entry in db.ChangeTracker.Entries<Membership>().Where(e => e.Entity.UserId == account.Id && e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
        db.Entry(account).State = EntityState.Detached;
    }
}
