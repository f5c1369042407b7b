using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CongressPlatform.BuildingBlocks.Attachments.Features;

/// <summary>Removes an attachment: its row, then its file (a file left behind by a failed delete is only disk space).</summary>
[NoPermissionRequired("The owner's IAttachmentOwnerPolicy decides, with the owner module's own permissions (AttachmentAccessGuard).")]
public sealed record DeleteAttachmentCommand(Guid Id) : ICommand<Unit>;

internal sealed class DeleteAttachmentCommandHandler(
    AttachmentAccessGuard guard, AttachmentsDbContext db, IFileStore store, ILogger<DeleteAttachmentCommandHandler> logger)
    : IRequestHandler<DeleteAttachmentCommand, Unit>
{
    public async Task<Unit> Handle(DeleteAttachmentCommand request, CancellationToken cancellationToken)
    {
        var row = await db.Attachments.SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("附件", "attachment");
        await guard.RequireAsync(row.OwnerType, row.OwnerId, AttachmentAccess.Write, cancellationToken);
        db.Attachments.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await store.DeleteAsync(row.StorageKey, CancellationToken.None);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Attachment {Id} deleted, but its file {Key} could not be removed", row.Id, row.StorageKey);
        }
        return Unit.Value;
    }
}
