using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Identity.Features.Audit;

/// <summary>
/// The identity audit log for the audit administrator (三员分立: no other role reads it), newest first, a
/// page at a time, narrowed by time (inclusive), kind, account id or login.
/// </summary>
[RequiresPermission(IdentityPermissions.AuditRead)]
public sealed record ListAuditEntriesQuery(
    DateTimeOffset? From, DateTimeOffset? To, string? Kind, Guid? UserId, string? UserName, int? Page, int? PageSize)
    : IQuery<PagedResult<AuditEntryDto>>;

internal sealed class ListAuditEntriesQueryValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesQueryValidator()
    {
        AuditEntryRules.ApplyFilter(this, q => q.From, q => q.To, q => q.Kind, q => q.UserName);
        RuleFor(q => q.Page).GreaterThan(0).When(q => q.Page.HasValue).WithName(_ => Text.Of("页码", "Page"));
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).When(q => q.PageSize.HasValue)
            .WithName(_ => Text.Of("每页条数", "Page size"));
    }
}

internal sealed class ListAuditEntriesQueryHandler(IdentityDbContext db, ITenantContext scope, ITenantDirectory directory)
    : IRequestHandler<ListAuditEntriesQuery, PagedResult<AuditEntryDto>>
{
    public async Task<PagedResult<AuditEntryDto>> Handle(ListAuditEntriesQuery request, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(request.Page, request.PageSize);
        var entries = AuditEntryRules.Filter(
            await AuditEntryRules.VisibleAsync(db, scope, directory, cancellationToken),
            request.From, request.To, request.Kind, request.UserId, request.UserName);
        var total = await entries.CountAsync(cancellationToken);
        var items = await AuditEntryRules.ViewsAsync(entries.Skip((page - 1) * size).Take(size), directory, cancellationToken);
        return new PagedResult<AuditEntryDto>(items, total, page, size);
    }
}
