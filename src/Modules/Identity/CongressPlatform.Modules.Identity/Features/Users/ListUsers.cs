using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Users;

/// <summary>
/// Accounts holding a membership in the active tenant (in its subtree for a supervisor), optionally
/// narrowed to one tenant, searched by user name or display name, a page at a time, ordered by display name.
/// </summary>
[RequiresPermission(IdentityPermissions.UsersRead)]
public sealed record ListUsersQuery(string? Search, Guid? TenantId, int? Page, int? PageSize) : IQuery<PagedResult<UserDto>>;

internal sealed class ListUsersQueryValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(50);
        RuleFor(q => q.Page).GreaterThan(0).When(q => q.Page.HasValue);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).When(q => q.PageSize.HasValue);
    }
}

internal sealed class ListUsersQueryHandler(IdentityDbContext db, TimeProvider clock) : IRequestHandler<ListUsersQuery, PagedResult<UserDto>>
{
    public async Task<PagedResult<UserDto>> Handle(ListUsersQuery request, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(request.Page, request.PageSize);
        var users = UserAdministrationRules.Visible(db, request.Search, request.TenantId);
        var total = await users.CountAsync(cancellationToken);
        var ids = await UserAdministrationRules.InListOrder(users)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        var items = await UserAdministrationRules.ViewsAsync(db, ids, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return new PagedResult<UserDto>(items, total, page, size);
    }
}
