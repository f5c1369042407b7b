using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CongressPlatform.BuildingBlocks.Exports.Features;

/// <summary>
/// The daily clean-up: finished exports past their expiry lose their file and row; an export that never finished
/// (its user's tenant gone, say) goes after twice the retention. Idempotent: a second run finds nothing.
/// </summary>
[NoPermissionRequired("Sent only by the scheduler, in a system scope; no endpoint sends it.")]
public sealed record CleanupExpiredExportsCommand : ICommand<int>;

internal sealed class CleanupExpiredExportsCommandHandler(
    ExportsDbContext db, ExportFiles files, IOptions<ExportOptions> options, TimeProvider clock, ILogger<CleanupExpiredExportsCommandHandler> logger)
    : IRequestHandler<CleanupExpiredExportsCommand, int>
{
    public async Task<int> Handle(CleanupExpiredExportsCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var abandoned = now.AddDays(-2 * options.Value.RetentionDays);
        var expired = await db.Jobs
            .Where(j => j.ExpiresAtUtc < now || (j.ExpiresAtUtc == null && j.CreatedAtUtc < abandoned))
            .ToListAsync(cancellationToken);
        foreach (var job in expired)
        {
            db.Jobs.Remove(job);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var job in expired)
        {
            await ExportFileCleanup.DeleteFileAsync(files, job, logger);
        }
        return expired.Count;
    }
}
