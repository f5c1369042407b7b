using System.Text.Json;
using CongressPlatform.BuildingBlocks.Attachments;
using CongressPlatform.BuildingBlocks.Notifications;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CongressPlatform.BuildingBlocks.Exports;

/// <summary>
/// Writes one job's file in the scope it is given — the request's, or a background user scope — so the source's
/// DbContext filters apply exactly as for the user. Reports progress on the job row, keeps the file, tells the user.
/// </summary>
internal sealed class ExportRunner(
    ExportsDbContext db, IEnumerable<IExportSource> sources, ICurrentUser user, ExportFiles files,
    IOptions<ExportOptions> options, TimeProvider clock, IServiceProvider services, ILogger<ExportRunner> logger)
{
    public const string Link = "/system/exports";

    /// <summary>Runs the job of this id when it is still there (a user may have deleted it meanwhile).</summary>
    public async Task RunByIdAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is not null)
        {
            await RunAsync(job, inRequest: false, cancellationToken);
        }
    }

    /// <summary>
    /// Runs a started (<see cref="ExportStatus.Running"/>) job to its end: completed, or failed with a reason the user can
    /// read. A cancellation (the host stopping) leaves it running: its lease runs out and a worker takes it up again.
    /// A background job ends with a notification; a small one written within the request does not (its user is
    /// looking at the result already).
    /// </summary>
    public async Task RunAsync(ExportJob job, bool inRequest, CancellationToken cancellationToken)
    {
        try
        {
            var source = sources.FirstOrDefault(s => s.Name == job.Source)
                ?? throw new NotFoundException("export.unknown_source", Text.Of("导出的数据来源已不存在。", "The export's list no longer exists."));
            if (!user.HasPermission(source.Permission))
            {
                throw new ForbiddenException("permission.denied", Text.Of(
                    $"您已没有导出此数据的权限({source.Permission})。", $"You no longer have the permission '{source.Permission}'."));
            }
            using var filter = JsonDocument.Parse(job.FilterJson);
            var writer = ExportWriters.For(job.Format);
            var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);

            await using var upload = await files.Store.BeginAsync(cancellationToken);
            var rows = await writer.WriteAsync(upload.Content, source.Columns, source.RowsAsync(filter.RootElement, cancellationToken),
                async written =>
                {
                    job.Progress(written, Now + lease);
                    await db.SaveChangesAsync(cancellationToken);
                }, cancellationToken);
            await upload.Content.FlushAsync(cancellationToken);
            var size = upload.Content.Length;
            var key = AttachmentKeys.For(job.Id, job.CreatedAtUtc);
            await upload.CommitAsync(key, cancellationToken);

            var fileName = FileNames.Sanitize($"{job.Title}-{SpreadsheetText.BeijingTime(job.CreatedAtUtc):yyyyMMdd-HHmmss}{writer.Extension}");
            job.Complete(rows, size, fileName, key, Now, Now.AddDays(options.Value.RetentionDays));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Deleted by its user, or taken over by another writer after a stall: this file is nobody's.
                await files.Store.DeleteAsync(key, CancellationToken.None);
                logger.LogInformation("Export {JobId} was deleted or taken over while it was written; its file is discarded", job.Id);
                return;
            }
            if (!inRequest)
            {
                await NotifyAsync(job, completed: true, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Export {JobId} was deleted or taken over while it was written; stopping", job.Id);
        }
        catch (Exception e)
        {
            var reason = e is AppException app ? app.Message : Text.Of("导出失败,请稍后重试或联系管理员。", "The export failed; try again later or contact the administrator.");
            if (e is not AppException)
            {
                logger.LogError(e, "Export {JobId} of {Source} failed", job.Id, job.Source);
            }
            await FailAsync(db, job, reason, options.Value, clock, CancellationToken.None);
            if (!inRequest)
            {
                await NotifyAsync(job, completed: false, CancellationToken.None);
            }
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    internal static async Task FailAsync(ExportsDbContext db, ExportJob job, string reason, ExportOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        job.Fail(reason, now, now.AddDays(options.RetentionDays));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Tells the user through the notifications service (inbox, and e-mail by their preferences).</summary>
    private Task NotifyAsync(ExportJob job, bool completed, CancellationToken cancellationToken) =>
        NotifyAsync(services, job, completed, cancellationToken);

    internal static async Task NotifyAsync(IServiceProvider services, ExportJob job, bool completed, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<INotifier>().NotifyAsync(new Notification
        {
            TenantId = job.TenantId,
            RecipientUserIds = [job.UserId],
            Category = completed ? "exports.completed" : "exports.failed",
            Title = completed ? $"导出完成:{job.Title}" : $"导出失败:{job.Title}",
            Body = completed
                ? $"共 {job.RowsWritten:N0} 行,文件“{job.FileName}”可在“我的导出”中下载,保留至 {SpreadsheetText.FormatBeijingTime(job.ExpiresAtUtc!.Value)}。"
                : $"原因:{job.Error}",
            Link = Link,
            DeduplicationKey = $"exports:{job.Id}",
        }, cancellationToken);
    }
}
