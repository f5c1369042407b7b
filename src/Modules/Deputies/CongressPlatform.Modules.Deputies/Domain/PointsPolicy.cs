using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Domain;

/// <summary>The kinds of duty a deputy's archive records (履职记录类别).</summary>
public enum DutyKind
{
    /// <summary>参加集中学习</summary>
    StudyAttended = 0,

    /// <summary>参加视察、调研、执法检查</summary>
    InspectionJoined = 1,

    /// <summary>进站履职(联络站值班接待)</summary>
    StationDutyServed = 2,

    /// <summary>接待选民、收集社情民意</summary>
    VotersReceived = 3,

    /// <summary>提出建议、议案</summary>
    SuggestionRaised = 4,

    /// <summary>为民办实事、一对一帮扶</summary>
    DeedForPeople = 5,

    /// <summary>向选民述职</summary>
    ReportBackGiven = 6,

    /// <summary>参加代表小组活动</summary>
    GroupActivity = 7,
}

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

    public void ReplaceRules(IEnumerable<(DutyKind Kind, int Points, int? QuarterCap)> rules, DateTime nowUtc)
    {
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
