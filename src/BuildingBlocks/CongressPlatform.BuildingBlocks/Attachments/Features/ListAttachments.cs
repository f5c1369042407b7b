using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.BuildingBlocks.Attachments.Features;

/// <summary>The attachments of one owner, oldest first.</summary>
[NoPermissionRequired("The owner's IAttachmentOwnerPolicy decides, with the owner module's own permissions (AttachmentAccessGuard).")]
public sealed record ListAttachmentsQuery(string OwnerType, Guid OwnerId) : IQuery<IReadOnlyList<AttachmentDto>>;

internal sealed class ListAttachmentsQueryHandler(AttachmentAccessGuard guard, AttachmentsDbContext db)
    : IRequestHandler<ListAttachmentsQuery, IReadOnlyList<AttachmentDto>>
{
    public async Task<IReadOnlyList<AttachmentDto>> Handle(ListAttachmentsQuery request, CancellationToken cancellationToken)
    {
        await guard.RequireAsync(request.OwnerType, request.OwnerId, AttachmentAccess.Read, cancellationToken);
        var rows = await db.Attachments.AsNoTracking()
            .Where(a => a.OwnerType == request.OwnerType && a.OwnerId == request.OwnerId)
            .OrderBy(a => a.UploadedAtUtc).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(AttachmentDto.From).ToList();
    }
}
