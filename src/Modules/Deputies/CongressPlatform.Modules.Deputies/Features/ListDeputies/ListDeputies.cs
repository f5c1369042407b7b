using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.ListDeputies;

/// <summary>
/// The registry: deputies with a seat in the active tenant (its subtree for a supervisor), searched by name or mobile digits,
/// narrowed by a seat's level, status and term, a page at a time, by name.
/// </summary>
[RequiresPermission(DeputiesPermissions.DeputiesRead)]
public sealed record ListDeputiesQuery(string? Search, SeatLevel? Level, SeatStatus? Status, int? Term, int? Page, int? PageSize)
    : IQuery<PagedResult<DeputyListItemDto>>
{
    internal DeputyListFilter Filter => new(Search, Level, Status, Term);
}

internal sealed class ListDeputiesQueryValidator : AbstractValidator<ListDeputiesQuery>
{
    public ListDeputiesQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(50).WithName(_ => Text.Of("搜索", "Search"));
        RuleFor(q => q.Level).IsInEnum();
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Term).InclusiveBetween(1, 99).When(q => q.Term.HasValue).WithName(_ => Text.Of("届次", "Term"));
        RuleFor(q => q.Page).GreaterThan(0).When(q => q.Page.HasValue);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).When(q => q.PageSize.HasValue);
    }
}

internal sealed class ListDeputiesQueryHandler(DeputiesDbContext db, ITenantDirectory directory)
    : IRequestHandler<ListDeputiesQuery, PagedResult<DeputyListItemDto>>
{
    public async Task<PagedResult<DeputyListItemDto>> Handle(ListDeputiesQuery request, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(request.Page, request.PageSize);
        var deputies = RegistryQueries.Visible(db, request.Filter);
        var total = await deputies.CountAsync(cancellationToken);
        var rows = await RegistryQueries.InListOrder(deputies).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedResult<DeputyListItemDto>(await RegistryQueries.ListItemsAsync(db, directory, rows, cancellationToken), total, page, size);
    }
}
