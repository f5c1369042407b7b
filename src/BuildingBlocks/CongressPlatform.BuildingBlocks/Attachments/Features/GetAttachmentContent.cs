using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Attachments.Features;

/// <summary>An attachment's content, opened for streaming (the caller disposes it), with its metadata.</summary>
[NoPermissionRequired("The owner's IAttachmentOwnerPolicy decides, with the owner module's own permissions (AttachmentAccessGuard).")]
public sealed record GetAttachmentContentQuery(Guid Id) : IQuery<AttachmentContent>;

public sealed record AttachmentContent(AttachmentDto Attachment, Stream Content);

internal sealed class GetAttachmentContentQueryHandler(AttachmentAccessGuard guard, AttachmentsDbContext db, IFileStore store)
    : IRequestHandler<GetAttachmentContentQuery, AttachmentContent>
{
    public async Task<AttachmentContent> Handle(GetAttachmentContentQuery request, CancellationToken cancellationToken)
    {
        // Another tenant's row is filtered out: a 404, exactly as if it did not exist.
        var row = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("附件", "attachment");
        await guard.RequireAsync(row.OwnerType, row.OwnerId, AttachmentAccess.Read, cancellationToken);
        var content = await store.OpenReadAsync(row.StorageKey, cancellationToken)
            ?? throw new NotFoundException("attachment.content_missing", Text.Of(
                "附件的文件内容已不存在,请联系管理员。", "The attachment's content is missing; contact the administrator."));
        return new AttachmentContent(AttachmentDto.From(row), content);
    }
}
