using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.Modules.Deputies.Features.InviteDeputy;

/// <summary>
/// Invites a visible deputy: the Identity module opens the sign-in account (user name = mobile, a temporary password shown
/// this once) or finds the one the person has, and grants the deputy role in the tenant of each serving seat visible here;
/// the deputy is linked to the account. Inviting again changes nothing but the memberships still missing.
/// </summary>
[RequiresPermission(DeputiesPermissions.DeputiesInvite)]
public sealed record InviteDeputyCommand(Guid Id) : ICommand<InvitationDto>;

/// <param name="TemporaryPassword">Only when the account was opened now; hand it to the deputy, who must change it at the first sign-in.</param>
public sealed record InvitationDto(Guid UserId, string UserName, bool AccountCreated, string? TemporaryPassword, int MembershipsAdded, bool AccountActive);

internal sealed class InviteDeputyCommandHandler(DeputiesDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<InviteDeputyCommand, InvitationDto>
{
    public async Task<InvitationDto> Handle(InviteDeputyCommand request, CancellationToken cancellationToken)
    {
        var deputy = await RegistryQueries.FindVisibleAsync(db, request.Id, cancellationToken);
        var tenants = deputy.Seats.Where(s => s.Status == SeatStatus.Serving).Select(s => s.TenantId).Distinct().ToList();
        if (tenants.Count == 0)
        {
            throw new BusinessRuleException("deputies.no_serving_seat", Text.Of(
                "该代表在本单位没有在任席位,不能邀请。", "The deputy holds no serving seat here and cannot be invited."));
        }
        var account = await mediator.Send(new ProvisionDeputyAccountCommand(deputy.Name, deputy.Mobile, deputy.Email, tenants, deputy.UserId), cancellationToken);
        deputy.LinkAccount(account.UserId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationDto(account.UserId, account.UserName, account.Created, account.TemporaryPassword, account.MembershipsAdded.Count, account.IsActive);
    }
}
