using CongressPlatform.BuildingBlocks.Calendar;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Features.PublicOpinions;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Opinions;

/// <summary>The traffic light of an opinion waiting for its unit's answer: green (> 3 working days left), amber (≤ 3), red (overdue).</summary>
public enum OpinionSla
{
    None = 0,
    Green = 1,
    Amber = 2,
    Red = 3,
}

/// <summary>Shared steps of the staff use cases: find an opinion in the caller's scope, write its history, the SLA light.</summary>
internal static class OpinionWorkflow
{
    public const int AmberWorkingDays = 3;

    public static NotFoundException NotFound() => NotFoundException.For("社情民意", "opinion");

    public static async Task<Opinion> FindAsync(StationsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Opinions.SingleOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw NotFound();

    public static void Record(StationsDbContext db, Opinion opinion, string kind, ICurrentUser user, string? note, DateTime nowUtc) =>
        db.OpinionEvents.Add(new OpinionEvent(opinion.Id, kind, user.DisplayName is { Length: > 0 } name ? name : "—", note, nowUtc));

    /// <summary>The light for a due date seen today; only opinions waiting for an answer have one.</summary>
    public static async Task<(OpinionSla Sla, int? WorkingDaysLeft)> SlaAsync(
        IWorkingCalendar calendar, OpinionStatus status, DateOnly? dueOn, DateOnly today, CancellationToken cancellationToken)
    {
        if (status != OpinionStatus.Referred || dueOn is not { } due)
        {
            return (OpinionSla.None, null);
        }
        var left = await calendar.CountWorkingDaysAsync(today, due, cancellationToken);
        return (Light(due, today, left), left);
    }

    public static OpinionSla Light(DateOnly due, DateOnly today, int workingDaysLeft) =>
        due < today ? OpinionSla.Red : workingDaysLeft <= AmberWorkingDays ? OpinionSla.Amber : OpinionSla.Green;

    /// <summary>The deputy, when named, must be one of the station's current deputies; the name is copied from the assignment.</summary>
    public static async Task<string?> DeputyNameAsync(StationsDbContext db, Guid? stationId, Guid? deputyId, CancellationToken cancellationToken)
    {
        if (deputyId is not { } id)
        {
            return null;
        }
        var names = await db.StationDeputies.AsNoTracking()
            .Where(a => a.DeputyId == id && a.EndedOn == null && (stationId == null || a.StationId == stationId))
            .Select(a => a.DeputyName).ToListAsync(cancellationToken);
        return names.FirstOrDefault() ?? throw new BusinessRuleException("opinion.deputy_not_at_station", Text.Of(
            "该代表不是本联络站的进站代表,请重新选择。", "That deputy is not assigned to this station."));
    }

    public static string? Category(string? category) => string.IsNullOrWhiteSpace(category) ? null : category.Trim();

    public static IReadOnlyList<string> Categories => OpinionCategories.All;
}
