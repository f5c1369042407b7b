using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.PointsPolicies;

public sealed record PointsPolicyRevisionDto(int Revision, DateTime SavedAtUtc, Guid? SavedBy, IReadOnlyList<PointsRuleDto> Rules);

/// <summary>Every saved revision of a policy, newest first: what the rules were when a ranking named that revision.</summary>
[RequiresPermission(DeputiesPermissions.PointsPoliciesRead)]
public sealed record ListPointsPolicyRevisionsQuery(Guid PolicyId) : IQuery<IReadOnlyList<PointsPolicyRevisionDto>>;

internal sealed class ListPointsPolicyRevisionsQueryHandler(DeputiesDbContext db)
    : IRequestHandler<ListPointsPolicyRevisionsQuery, IReadOnlyList<PointsPolicyRevisionDto>>
{
    public async Task<IReadOnlyList<PointsPolicyRevisionDto>> Handle(ListPointsPolicyRevisionsQuery request, CancellationToken cancellationToken)
    {
        var policy = await db.PointsPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PolicyId, cancellationToken)
            ?? throw NotFoundException.For("积分办法", "points policy");
        var revisions = await db.PointsPolicyRevisions.AsNoTracking().Where(r => r.PolicyId == policy.Id)
            .OrderByDescending(r => r.Revision).ToListAsync(cancellationToken);
        var result = revisions.Select(r => new PointsPolicyRevisionDto(r.Revision, r.SavedAtUtc, r.SavedBy,
            r.Rules.Select(x => new PointsRuleDto(x.Kind, x.Points, x.QuarterCap)).ToList())).ToList();
        if (result.All(r => r.Revision != policy.Revision))
        {
            // Made before revisions were kept: the current rules are that revision.
            result.Insert(0, new PointsPolicyRevisionDto(policy.Revision, policy.UpdatedAtUtc, null,
                policy.Rules.OrderBy(r => r.Kind).Select(r => new PointsRuleDto(r.Kind, r.Points, r.QuarterCap)).ToList()));
        }
        return result;
    }
}

/// <summary>
/// Next year's policy for the same tenant, starting from this one's rules at revision 1. Refused when next year
/// already has a policy, or has already ended (a past year's points never change).
/// </summary>
[RequiresPermission(DeputiesPermissions.PointsPoliciesUpdate)]
public sealed record CreateNextYearPointsPolicyCommand(Guid PolicyId) : ICommand<PointsPolicyDto>;

internal sealed class CreateNextYearPointsPolicyCommandHandler(DeputiesDbContext db, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<CreateNextYearPointsPolicyCommand, PointsPolicyDto>
{
    public async Task<PointsPolicyDto> Handle(CreateNextYearPointsPolicyCommand request, CancellationToken cancellationToken)
    {
        var policy = await db.PointsPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PolicyId, cancellationToken)
            ?? throw NotFoundException.For("积分办法", "points policy");
        var now = clock.GetUtcNow().UtcDateTime;
        var next = policy.CreateNextYear(now);
        if (next.IsClosed(now))
        {
            throw new BusinessRuleException("points.year_closed",
                Text.Of($"{next.Year} 年度已结束,不能再为其新建积分办法。", $"The year {next.Year} has ended; no policy can be made for it."));
        }
        if (await db.PointsPolicies.AnyAsync(p => p.TenantId == policy.TenantId && p.Year == next.Year, cancellationToken))
        {
            throw new ConflictException("points.year_exists", Text.Of($"{next.Year} 年度的积分办法已存在。", $"The {next.Year} policy already exists."));
        }
        db.PointsPolicies.Add(next);
        db.PointsPolicyRevisions.Add(PointsPolicyRevision.Of(next, user.UserId));
        await db.SaveChangesAsync(cancellationToken);
        return PointsPolicyDto.From(next, now);
    }
}
