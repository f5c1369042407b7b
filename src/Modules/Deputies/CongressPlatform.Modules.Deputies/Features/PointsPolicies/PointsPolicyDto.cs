using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;

namespace CongressPlatform.Modules.Deputies.Features.PointsPolicies;

public sealed record PointsRuleDto(DutyKind Kind, int Points, int? QuarterCap);

/// <summary>A policy; <c>Closed</c> once its year has ended (Beijing time): its rules, and so its rankings, no longer change.</summary>
public sealed record PointsPolicyDto(Guid Id, Guid TenantId, int Year, int Revision, DateTime UpdatedAtUtc, Guid Version, bool Closed, IReadOnlyList<PointsRuleDto> Rules)
{
    internal static PointsPolicyDto From(PointsPolicy p, DateTime nowUtc) => new(
        p.Id, p.TenantId, p.Year, p.Revision, p.UpdatedAtUtc, p.Version, p.IsClosed(nowUtc),
        p.Rules.OrderBy(r => r.Kind).Select(r => new PointsRuleDto(r.Kind, r.Points, r.QuarterCap)).ToList());
}
