using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace CongressPlatform.Modules.Identity.Features.Users;

/// <summary>
/// Changes an account's profile: display name, mobile phone, e-mail and (for deputies) the end of term.
/// <c>Version</c> is the one last read (optimistic concurrency). The user name does not change.
/// The API only ever shows a mobile number masked (138****1234), so <c>PhoneNumber</c> null (or absent) keeps the
/// number on file, an empty string removes it, and a number replaces it.
/// </summary>
[RequiresPermission(IdentityPermissions.UsersManage)]
public sealed record UpdateUserCommand(Guid Id, string DisplayName, string? PhoneNumber, string? Email, DateOnly? TermEndsOn, Guid Version)
    : ICommand<UserDto>;

public sealed record UpdateUserBody(string DisplayName, string? PhoneNumber, string? Email, DateOnly? TermEndsOn, Guid Version)
{
    public UpdateUserCommand ToCommand(Guid id) => new(id, DisplayName, PhoneNumber, Email, TermEndsOn, Version);
}

internal sealed class UpdateUserCommandValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserCommandValidator()
    {
        UserAdministrationRules.ApplyProfile(this, c => c.DisplayName, c => c.PhoneNumber, c => c.Email);
        RuleFor(c => c.Version).NotEmpty();
    }
}

internal sealed class UpdateUserCommandHandler(IdentityDbContext db, UserManager<UserAccount> users, ICurrentUser currentUser, IMediator mediator)
    : IRequestHandler<UpdateUserCommand, UserDto>
{
    public async Task<UserDto> Handle(UpdateUserCommand request, CancellationToken cancellationToken)
    {
        var account = await UserAdministrationRules.FindVisibleAsync(db, request.Id, cancellationToken);
        await UserAdministrationRules.EnsureMayManageAsync(db, currentUser, account.Id, cancellationToken);
        db.Entry(account).Property(u => u.Version).OriginalValue = request.Version;
        var phoneBefore = account.PhoneNumber;
        var emailBefore = account.Email;
        account.UpdateProfile(request.DisplayName, request.PhoneNumber ?? phoneBefore, request.Email, request.TermEndsOn);
        if (account.PhoneNumber != phoneBefore)
        {
            account.PhoneNumberConfirmed = false;
        }
        if (account.Email != emailBefore)
        {
            account.EmailConfirmed = false;
        }
        await users.UpdateNormalizedEmailAsync(account);
        // Validates the phone (format, uniqueness) and saves, so the answer carries the renewed version.
        UserAdministrationRules.ThrowIfFailed(await users.UpdateAsync(account));
        return await mediator.Send(new GetUserQuery(account.Id), cancellationToken);
    }
}
