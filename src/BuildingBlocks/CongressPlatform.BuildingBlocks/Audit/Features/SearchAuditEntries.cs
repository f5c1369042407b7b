using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Audit.Features;

/// <summary>One line of the audit log as the audit administrator reads it. <c>Outcome</c>: succeeded, refused or failed.</summary>
public sealed record AuditEntryDto(
    long Seq, Guid Id, DateTime OccurredAtUtc, string Category, string Action, string Outcome, string? ErrorCode,
    Guid? UserId, string? UserName, Guid? ActorId, Guid? TenantId, string? TenantName, string? IpAddress, string? UserAgent,
    string? JobKey, string? ClientId, string? EntityType, string? EntityId, string? Detail)
{
    internal static readonly System.Linq.Expressions.Expression<Func<AuditEntry, AuditEntryDto>> Projection = e => new AuditEntryDto(
        e.Seq, e.Id, e.OccurredAtUtc, e.Category, e.Action, e.Outcome, e.ErrorCode, e.UserId, e.UserName, e.ActorId,
        e.TenantId, e.TenantName, e.IpAddress, e.UserAgent, e.JobKey, e.ClientId, e.EntityType, e.EntityId, e.Detail);

    internal static readonly Func<AuditEntry, AuditEntryDto> From = Projection.Compile();
}

/// <summary>The platform audit log for the audit administrator (三员分立), newest first, a page at a time.</summary>
[RequiresPermission(PlatformPermissions.AuditRead)]
public sealed record SearchAuditEntriesQuery(AuditFilter Filter, int? Page, int? PageSize) : IQuery<PagedResult<AuditEntryDto>>;

internal sealed class SearchAuditEntriesQueryValidator : AbstractValidator<SearchAuditEntriesQuery>
{
    public SearchAuditEntriesQueryValidator()
    {
        AuditScope.ApplyRules(this, q => q.Filter);
        RuleFor(q => q.Page).GreaterThan(0).When(q => q.Page.HasValue).WithName(_ => Text.Of("页码", "Page"));
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).When(q => q.PageSize.HasValue)
            .WithName(_ => Text.Of("每页条数", "Page size"));
    }
}

internal sealed class SearchAuditEntriesQueryHandler(AuditDbContext db, ITenantContext scope, ITenantDirectory directory)
    : IRequestHandler<SearchAuditEntriesQuery, PagedResult<AuditEntryDto>>
{
    public async Task<PagedResult<AuditEntryDto>> Handle(SearchAuditEntriesQuery request, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(request.Page, request.PageSize);
        var entries = AuditScope.Apply(await AuditScope.VisibleAsync(db, scope, directory, cancellationToken), request.Filter);
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.Skip((page - 1) * size).Take(size).Select(AuditEntryDto.Projection).ToListAsync(cancellationToken);
        return new PagedResult<AuditEntryDto>(items, total, page, size);
    }
}

/// <summary>An entry with every entity it touched and each changed field's before and after (personal data masked).</summary>
public sealed record AuditEntryDetailDto(AuditEntryDto Entry, IReadOnlyList<AuditEntityChange> Changes, string PrevHash, string Hash);

[RequiresPermission(PlatformPermissions.AuditRead)]
public sealed record GetAuditEntryQuery(long Seq) : IQuery<AuditEntryDetailDto>;

internal sealed class GetAuditEntryQueryHandler(AuditDbContext db, ITenantContext scope, ITenantDirectory directory)
    : IRequestHandler<GetAuditEntryQuery, AuditEntryDetailDto>
{
    public async Task<AuditEntryDetailDto> Handle(GetAuditEntryQuery request, CancellationToken cancellationToken)
    {
        var entry = await (await AuditScope.VisibleAsync(db, scope, directory, cancellationToken))
            .SingleOrDefaultAsync(e => e.Seq == request.Seq, cancellationToken)
            ?? throw NotFoundException.For("审计记录", "audit entry");
        var changes = entry.Changes is null
            ? []
            : System.Text.Json.JsonSerializer.Deserialize<List<AuditEntityChange>>(entry.Changes, AuditJson.Options) ?? [];
        return new AuditEntryDetailDto(AuditEntryDto.From(entry), changes, entry.PrevHash, entry.Hash);
    }
}
