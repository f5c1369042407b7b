using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.BuildingBlocks.Exports.Features;

/// <summary>Removes one of the caller's exports: its row, then its file. A running export stops at its next progress report.</summary>
[RequiresPermission(PlatformPermissions.ExportsUse)]
public sealed record DeleteExportCommand(Guid Id) : ICommand<Unit>;

internal sealed class DeleteExportCommandHandler(ExportsDbContext db, ICurrentUser user, ExportFiles files, ILogger<DeleteExportCommandHandler> logger)
    : IRequestHandler<DeleteExportCommand, Unit>
{
    public async Task<Unit> Handle(DeleteExportCommand request, CancellationToken cancellationToken)
    {
        var job = await ExportJobs.FindMineAsync(db, user, request.Id, cancellationToken);
        db.Jobs.Remove(job);
        await db.SaveChangesAsync(cancellationToken);
        await ExportFileCleanup.DeleteFileAsync(files, job, logger);
        return Unit.Value;
    }
}

internal static class ExportFileCleanup
{
    /// <summary>Removes a job's file; a file left behind by a failed delete is only disk space.</summary>
    public static async Task DeleteFileAsync(ExportFiles files, ExportJob job, ILogger logger)
    {
        if (job.StorageKey is null)
        {
            return;
        }
        try
        {
            await files.Store.DeleteAsync(job.StorageKey, CancellationToken.None);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Export {Id} deleted, but its file {Key} could not be removed", job.Id, job.StorageKey);
        }
    }
}
