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
        // The memberships' named filters decide whom the caller sees.
        var memberships = db.Memberships.AsNoTracking();
        if (request.TenantId is { } tenantId)
        {
            memberships = memberships.Where(m => m.TenantId == tenantId);
        }
        var users = db.Users.AsNoTracking().Where(u => memberships.Any(m => m.UserId == u.Id));
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var search = request.Search.Trim();
            var normalized = search.ToUpperInvariant();
            users = users.Where(u => u.NormalizedUserName.Contains(normalized) || u.DisplayName.Contains(search));
        }

        var total = await users.CountAsync(cancellationToken);
        var ids = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        var items = await UserAdministrationRules.ViewsAsync(db, ids, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return new PagedResult<UserDto>(items, total, page, size);
    }
}
