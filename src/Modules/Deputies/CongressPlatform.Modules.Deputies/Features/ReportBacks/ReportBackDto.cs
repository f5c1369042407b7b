using CongressPlatform.Modules.Deputies.Domain;

namespace CongressPlatform.Modules.Deputies.Features.ReportBacks;

/// <summary>A rating's figures: counts, satisfaction rate (percent), quorum, verdict and whether it passed.</summary>
public sealed record RatingResultDto(int Satisfied, int BasicallySatisfied, int Dissatisfied, int Total, decimal Rate,
    bool QuorumMet, RatingVerdict Verdict, string VerdictText, bool Passed)
{
    internal static RatingResultDto From(RatingResult r) =>
        new(r.Satisfied, r.BasicallySatisfied, r.Dissatisfied, r.Total, r.Rate, r.QuorumMet, r.Verdict, BallotRules.Zh(r.Verdict), r.Passed);
}

/// <summary>The public ballot as staff see it: its token and address path, window, state, whether codes are required, live counts.</summary>
public sealed record BallotDto(string Token, string PublicPath, DateTime OpensAtUtc, DateTime ClosesAtUtc, BallotState State, bool RequiresVoterCode,
    int Votes, int VoterCodesIssued, int VoterCodesUsed);

public sealed record ReportBackSummaryDto(Guid Id, Guid TenantId, Guid DeputyId, string DeputyName, int Year, DateOnly PlannedOn, string Place,
    ReportBackForm Form, ReportBackStatus Status, bool ReportsToCommittee, RatingSource RatingSource, bool? Passed);

public sealed record ReportBackDto(
    Guid Id, Guid TenantId, Guid DeputyId, string DeputyName, int Year, SeatLevel SeatLevel, bool ReportsToCommittee, string Organiser,
    DateOnly PlannedOn, string Place, ReportBackForm Form, int ExpectedRepresentatives, int MinBallots, int SatisfiedThreshold, int BasicThreshold,
    string Text, DateTime? DraftedAtUtc, ReportBackStatus Status, DateTime? FinalisedAtUtc, RatingSource RatingSource,
    RatingResultDto Result, BallotDto? Ballot, DateTime? RatedAtUtc, Guid? DutyRecordId, Guid Version);

internal static class ReportBackViews
{
    public static string PublicPath(string token) => $"/p/ballots/{token}";

    public static ReportBackSummaryDto Summary(ReportBack r) =>
        new(r.Id, r.TenantId, r.DeputyId, r.DeputyName, r.Year, r.PlannedOn, r.Place, r.Form, r.Status, r.ReportsToCommittee, r.RatingSource,
            r.Status == ReportBackStatus.Rated ? r.Result.Passed : null);

    /// <summary>The full view; for a QR ballot not yet rated the counts are the live ones from <paramref name="ballotCounts"/>.</summary>
    public static ReportBackDto Full(ReportBack r, DateTime nowUtc, BallotCounts? ballotCounts)
    {
        var result = r.RatingSource == RatingSource.QrBallot && r.Status != ReportBackStatus.Rated && ballotCounts is not null
            ? BallotRules.Evaluate(ballotCounts.Satisfied, ballotCounts.BasicallySatisfied, ballotCounts.Dissatisfied, r.MinBallots, r.SatisfiedThreshold, r.BasicThreshold)
            : r.Result;
        var ballot = r.BallotToken is { } token
            ? new BallotDto(token, PublicPath(token), r.BallotOpensAtUtc!.Value, r.BallotClosesAtUtc!.Value, r.BallotStateAt(nowUtc), r.BallotRequiresCode,
                ballotCounts?.Total ?? 0, ballotCounts?.CodesIssued ?? 0, ballotCounts?.CodesUsed ?? 0)
            : null;
        return new ReportBackDto(r.Id, r.TenantId, r.DeputyId, r.DeputyName, r.Year, r.SeatLevel, r.ReportsToCommittee, r.Organiser,
            r.PlannedOn, r.Place, r.Form, r.ExpectedRepresentatives, r.MinBallots, r.SatisfiedThreshold, r.BasicThreshold,
            r.Text, r.DraftedAtUtc, r.Status, r.FinalisedAtUtc, r.RatingSource, RatingResultDto.From(result), ballot, r.RatedAtUtc, r.DutyRecordId, r.Version);
    }
}

internal sealed record BallotCounts(int Satisfied, int BasicallySatisfied, int Dissatisfied, int CodesIssued, int CodesUsed)
{
    public int Total => Satisfied + BasicallySatisfied + Dissatisfied;
}
