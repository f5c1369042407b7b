using System.Text.Json;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Domain;

/// <summary>
/// One revision of a duty-points policy as it was saved: never changed afterwards. A ranking names the revision it
/// used; the history shows who changed what and when.
/// </summary>
internal sealed class PointsPolicyRevision : TenantOwnedEntity
{
    private PointsPolicyRevision()
    {
    }

    public Guid PolicyId { get; private set; }
    public int Year { get; private set; }
    public int Revision { get; private set; }

    /// <summary>The rules as JSON: <c>[{"Kind":0,"Points":2,"QuarterCap":6}, …]</c>.</summary>
    public string RulesJson { get; private set; } = "[]";

    public DateTime SavedAtUtc { get; private set; }
    public Guid? SavedBy { get; private set; }

    public IReadOnlyList<(DutyKind Kind, int Points, int? QuarterCap)> Rules =>
        JsonSerializer.Deserialize<List<RuleJson>>(RulesJson)!.Select(r => (r.Kind, r.Points, r.QuarterCap)).ToList();

    public static PointsPolicyRevision Of(PointsPolicy policy, Guid? savedBy)
    {
        var revision = new PointsPolicyRevision
        {
            PolicyId = policy.Id,
            Year = policy.Year,
            Revision = policy.Revision,
            RulesJson = JsonSerializer.Serialize(policy.Rules.OrderBy(r => r.Kind).Select(r => new RuleJson(r.Kind, r.Points, r.QuarterCap)).ToList()),
            SavedAtUtc = policy.UpdatedAtUtc,
            SavedBy = savedBy,
        };
        ((ITenantOwned)revision).AssignTenant(policy.TenantId, policy.TenantPath);
        return revision;
    }

    private sealed record RuleJson(DutyKind Kind, int Points, int? QuarterCap);
}
