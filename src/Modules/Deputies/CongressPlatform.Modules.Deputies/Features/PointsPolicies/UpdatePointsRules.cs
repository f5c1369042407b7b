using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.PointsPolicies;

/// <summary>Replaces a policy's rules and raises its revision. <c>Version</c> is the one last read.</summary>
[RequiresPermission(DeputiesPermissions.PointsPoliciesUpdate)]
public sealed record UpdatePointsRulesCommand(Guid Id, IReadOnlyList<PointsRuleDto> Rules, Guid Version) : ICommand<PointsPolicyDto>;

public sealed record UpdatePointsRulesBody(IReadOnlyList<PointsRuleDto> Rules, Guid Version)
{
    public UpdatePointsRulesCommand ToCommand(Guid id) => new(id, Rules, Version);
}

internal sealed class UpdatePointsRulesCommandValidator : AbstractValidator<UpdatePointsRulesCommand>
{
    public UpdatePointsRulesCommandValidator()
    {
        RuleFor(c => c.Version).NotEmpty();
        RuleFor(c => c.Rules).NotNull().Must(r => r is { Count: > 0 and <= 50 })
            .WithMessage(_ => Text.Of("至少需要一条积分规则,最多 50 条。", "Between 1 and 50 rules are required."));
        RuleForEach(c => c.Rules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.Kind).IsInEnum();
            rule.RuleFor(r => r.Points).InclusiveBetween(0, 100);
            rule.RuleFor(r => r.QuarterCap).InclusiveBetween(1, 1000).When(r => r.QuarterCap.HasValue);
        });
    }
}

internal sealed class UpdatePointsRulesCommandHandler(DeputiesDbContext db, TimeProvider clock, ICurrentUser user)
    : IRequestHandler<UpdatePointsRulesCommand, PointsPolicyDto>
{
    public async Task<PointsPolicyDto> Handle(UpdatePointsRulesCommand request, CancellationToken cancellationToken)
    {
        var policy = await db.PointsPolicies.SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("积分办法", "points policy");
        db.Entry(policy).Property(p => p.Version).OriginalValue = request.Version;
        // A policy made before revisions were kept gets its current rules kept first, so the history is whole.
        if (!await db.PointsPolicyRevisions.AnyAsync(r => r.PolicyId == policy.Id && r.Revision == policy.Revision, cancellationToken))
        {
            db.PointsPolicyRevisions.Add(PointsPolicyRevision.Of(policy, savedBy: null));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        policy.ReplaceRules(request.Rules.Select(r => (r.Kind, r.Points, r.QuarterCap)), now);
        db.PointsPolicyRevisions.Add(PointsPolicyRevision.Of(policy, user.UserId));
        // The year's totals earn what the new rules say, in the same save: rankings never mix two revisions.
        var rules = policy.Rules.ToDictionary(r => r.Kind, r => (r.Points, r.QuarterCap));
        foreach (var total in await db.DutyTotals.Where(t => t.TenantId == policy.TenantId && t.Year == policy.Year).ToListAsync(cancellationToken))
        {
            total.Reprice(rules.TryGetValue(total.Kind, out var rule) ? rule : null);
        }
        await db.SaveChangesAsync(cancellationToken);
        return PointsPolicyDto.From(policy, now);
    }
}
