using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Domain;

/// <summary>
/// A tenant's duty-points policy for one year (履职积分管理办法): points per kind of duty record and an
/// optional cap per quarter. Each change raises the revision, so rankings can name the revision they used.
/// </summary>
internal sealed class PointsPolicy : TenantOwnedEntity
{
    private readonly List<PointsRule> _rules = [];

    private PointsPolicy()
    {
    }

    public int Year { get; private set; }
    public int Revision { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public IReadOnlyList<PointsRule> Rules => _rules;

    /// <summary>The default every new tenant starts from; the office then adjusts it.</summary>
    public static PointsPolicy CreateDefault(int year, DateTime nowUtc)
    {
        var policy = new PointsPolicy { Year = year, Revision = 1, UpdatedAtUtc = nowUtc };
        policy._rules.AddRange(
        [
            new PointsRule(DutyKind.StudyAttended, 2, 6),
            new PointsRule(DutyKind.InspectionJoined, 5, 10),
            new PointsRule(DutyKind.StationDutyServed, 3, 12),
            new PointsRule(DutyKind.VotersReceived, 2, 10),
            new PointsRule(DutyKind.SuggestionRaised, 5, null),
            new PointsRule(DutyKind.DeedForPeople, 5, 15),
            new PointsRule(DutyKind.ReportBackGiven, 10, null),
            new PointsRule(DutyKind.GroupActivity, 2, 8),
        ]);
        return policy;
    }

    /// <summary>Whether the policy's year is over (Beijing time): its rules, and so its rankings, are then final.</summary>
    public bool IsClosed(DateTime nowUtc) => Year < TimeZoneInfo.ConvertTimeFromUtc(nowUtc, ChinaTime.Zone).Year;

    /// <summary>Next year's policy with this one's rules, at revision 1; the office then adjusts it.</summary>
    public PointsPolicy CreateNextYear(DateTime nowUtc)
    {
        var next = new PointsPolicy { Year = Year + 1, Revision = 1, UpdatedAtUtc = nowUtc };
        next._rules.AddRange(_rules.Select(r => new PointsRule(r.Kind, r.Points, r.QuarterCap)));
        ((ITenantOwned)next).AssignTenant(TenantId, TenantPath);
        return next;
    }

    public void ReplaceRules(IEnumerable<(DutyKind Kind, int Points, int? QuarterCap)> rules, DateTime nowUtc)
    {
        if (IsClosed(nowUtc))
        {
            throw new BusinessRuleException("points.year_closed",
                Text.Of($"{Year} 年度已结束,其积分办法不能再修改。", $"The year {Year} has ended; its policy can no longer change."));
        }
        var list = rules.ToList();
        if (list.GroupBy(r => r.Kind).Any(g => g.Count() > 1))
        {
            throw new BusinessRuleException("points.duplicate_kind", Text.Of("同一类别只能设置一条积分规则。", "Each duty kind may have one rule."));
        }
        _rules.Clear();
        _rules.AddRange(list.Select(r => new PointsRule(r.Kind, r.Points, r.QuarterCap)));
        Revision++;
        UpdatedAtUtc = nowUtc;
    }
}

/// <summary>Points for one kind of duty record, and at most how many points that kind earns in a quarter.</summary>
internal sealed class PointsRule
{
    private PointsRule()
    {
    }

    public PointsRule(DutyKind kind, int points, int? quarterCap)
    {
        Kind = kind;
        Points = points;
        QuarterCap = quarterCap;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DutyKind Kind { get; private set; }
    public int Points { get; private set; }
    public int? QuarterCap { get; private set; }
}
