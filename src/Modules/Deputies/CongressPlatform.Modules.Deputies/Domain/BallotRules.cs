namespace CongressPlatform.Modules.Deputies.Domain;

/// <summary>Where a public ballot stands at a moment.</summary>
public enum BallotState
{
    /// <summary>No ballot was opened for the report-back.</summary>
    None = 0,
    NotOpen = 1,
    Open = 2,
    Closed = 3,
}

/// <summary>The verdict of a rating (测评结果).</summary>
public enum RatingVerdict
{
    /// <summary>Fewer votes than the quorum: no verdict.</summary>
    QuorumNotMet = 0,
    Satisfied = 1,
    BasicallySatisfied = 2,
    Dissatisfied = 3,
}

/// <summary>Counts, the satisfaction rate (满意率: 满意 + 基本满意 over all votes, percent, one decimal), whether the quorum was met, the verdict and whether the report-back passed.</summary>
internal sealed record RatingResult(int Satisfied, int BasicallySatisfied, int Dissatisfied, int Total, decimal Rate, bool QuorumMet, RatingVerdict Verdict, bool Passed);

/// <summary>The ballot's rules, free of the database: the open window, the quorum and the thresholds.</summary>
internal static class BallotRules
{
    /// <summary>Open from <paramref name="opensAtUtc"/> (inclusive) to <paramref name="closesAtUtc"/> (exclusive).</summary>
    public static BallotState StateAt(DateTime nowUtc, DateTime opensAtUtc, DateTime closesAtUtc) =>
        nowUtc < opensAtUtc ? BallotState.NotOpen : nowUtc < closesAtUtc ? BallotState.Open : BallotState.Closed;

    public static RatingResult Evaluate(int satisfied, int basicallySatisfied, int dissatisfied, int minBallots, int satisfiedThreshold, int basicThreshold)
    {
        if (satisfied < 0 || basicallySatisfied < 0 || dissatisfied < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(satisfied), "Counts cannot be negative.");
        }
        var total = satisfied + basicallySatisfied + dissatisfied;
        var rate = total == 0 ? 0m : Math.Round((satisfied + basicallySatisfied) * 100m / total, 1, MidpointRounding.AwayFromZero);
        var quorumMet = total > 0 && total >= minBallots;
        var verdict = !quorumMet ? RatingVerdict.QuorumNotMet
            : rate >= satisfiedThreshold ? RatingVerdict.Satisfied
            : rate >= basicThreshold ? RatingVerdict.BasicallySatisfied
            : RatingVerdict.Dissatisfied;
        var passed = verdict is RatingVerdict.Satisfied or RatingVerdict.BasicallySatisfied;
        return new RatingResult(satisfied, basicallySatisfied, dissatisfied, total, rate, quorumMet, verdict, passed);
    }

    public static string Zh(RatingVerdict verdict) => verdict switch
    {
        RatingVerdict.Satisfied => "满意",
        RatingVerdict.BasicallySatisfied => "基本满意",
        RatingVerdict.Dissatisfied => "不满意",
        _ => "未达到法定测评人数",
    };
}
