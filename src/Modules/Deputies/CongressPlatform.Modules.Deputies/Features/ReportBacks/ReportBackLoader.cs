using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Deputies.Features.ReportBacks;

/// <summary>Loading a report-back of the active tenant (404 otherwise), its ballot's counts, and its full view.</summary>
internal static class ReportBackLoader
{
    public static async Task<ReportBack> LoadAsync(DeputiesDbContext db, Guid id, Guid? version, CancellationToken cancellationToken)
    {
        var reportBack = await db.ReportBacks.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw NotFoundException.For("述职安排", "report-back");
        if (version is { } v)
        {
            db.Entry(reportBack).Property(r => r.Version).OriginalValue = v;
        }
        return reportBack;
    }

    public static async Task<BallotCounts> CountsAsync(DeputiesDbContext db, Guid reportBackId, CancellationToken cancellationToken)
    {
        var votes = await db.BallotVotes.AsNoTracking().Where(v => v.ReportBackId == reportBackId)
            .GroupBy(v => v.Choice).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var issued = await db.VoterCodes.CountAsync(c => c.ReportBackId == reportBackId, cancellationToken);
        var used = await db.VoterCodes.CountAsync(c => c.ReportBackId == reportBackId && c.UsedAtUtc != null, cancellationToken);
        int Of(BallotChoice choice) => votes.Where(v => v.Key == choice).Sum(v => v.Count);
        return new BallotCounts(Of(BallotChoice.Satisfied), Of(BallotChoice.BasicallySatisfied), Of(BallotChoice.Dissatisfied), issued, used);
    }

    public static async Task<ReportBackDto> ViewAsync(DeputiesDbContext db, ReportBack reportBack, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var counts = reportBack.BallotToken is null ? null : await CountsAsync(db, reportBack.Id, cancellationToken);
        return ReportBackViews.Full(reportBack, nowUtc, counts);
    }
}
