using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;

namespace CongressPlatform.Modules.Deputies.Features.PointsPolicies;

public sealed record PointsRuleDto(DutyKind Kind, int Points, int? QuarterCap);

public sealed record PointsPolicyDto(Guid Id, Guid TenantId, int Year, int Revision, DateTime UpdatedAtUtc, Guid Version, IReadOnlyList<PointsRuleDto> Rules)
{
    internal static PointsPolicyDto From(PointsPolicy p) => new(
        p.Id, p.TenantId, p.Year, p.Revision, p.UpdatedAtUtc, p.Version,
        p.Rules.OrderBy(r => r.Kind).Select(r => new PointsRuleDto(r.Kind, r.Points, r.QuarterCap)).ToList());
}
