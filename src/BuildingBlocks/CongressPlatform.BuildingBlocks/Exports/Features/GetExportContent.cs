using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.BuildingBlocks.Exports.Features;

/// <summary>A finished export's file, opened for streaming (the caller disposes it).</summary>
[RequiresPermission(PlatformPermissions.ExportsUse)]
public sealed record GetExportContentQuery(Guid Id) : IQuery<ExportContent>;

public sealed record ExportContent(ExportJobDto Export, string ContentType, Stream Content);

internal sealed class GetExportContentQueryHandler(ExportsDbContext db, ICurrentUser user, ExportFiles files)
    : IRequestHandler<GetExportContentQuery, ExportContent>
{
    public async Task<ExportContent> Handle(GetExportContentQuery request, CancellationToken cancellationToken)
    {
        var job = await ExportJobs.FindMineAsync(db, user, request.Id, cancellationToken);
        if (job.Status != ExportStatus.Completed || job.StorageKey is null)
        {
            throw new ConflictException("export.not_ready", job.Status == ExportStatus.Failed
                ? Text.Of("该导出已失败,没有文件可下载。", "The export failed; there is no file.")
                : Text.Of("文件尚未生成完毕,请稍后再下载。", "The file is not ready yet; download it a little later."));
        }
        var content = await files.Store.OpenReadAsync(job.StorageKey, cancellationToken)
            ?? throw new NotFoundException("export.content_missing", Text.Of(
                "导出的文件已不存在(可能已过期清理),请重新导出。", "The exported file is gone (it may have expired); export again."));
        return new ExportContent(ExportJobDto.From(job), ExportWriters.For(job.Format).ContentType, content);
    }
}
