using CongressPlatform.BuildingBlocks.Attachments.Features;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Features.Registry;
using CongressPlatform.Modules.Deputies.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;

namespace CongressPlatform.Modules.Deputies.Features.SetDeputyPhoto;

/// <summary>
/// Makes one of the deputy's attachments (uploaded to <c>/api/platform/attachments/deputies/{id}</c>) their photo, or clears
/// it (<c>AttachmentId</c> null). The attachment must belong to this deputy and be an image (JPEG, PNG, GIF, WebP).
/// </summary>
[RequiresPermission(DeputiesPermissions.DeputiesUpdate)]
public sealed record SetDeputyPhotoCommand(Guid DeputyId, Guid? AttachmentId) : ICommand<DeputyDto>;

public sealed record SetDeputyPhotoBody(Guid? AttachmentId)
{
    public SetDeputyPhotoCommand ToCommand(Guid deputyId) => new(deputyId, AttachmentId);
}

internal sealed class SetDeputyPhotoCommandHandler(DeputiesDbContext db, ITenantDirectory directory, IMediator mediator, TimeProvider clock)
    : IRequestHandler<SetDeputyPhotoCommand, DeputyDto>
{
    public const string OwnerType = "deputies";

    public async Task<DeputyDto> Handle(SetDeputyPhotoCommand request, CancellationToken cancellationToken)
    {
        var deputy = await RegistryQueries.FindVisibleAsync(db, request.DeputyId, cancellationToken);
        if (request.AttachmentId is { } attachmentId)
        {
            var files = await mediator.Send(new ListAttachmentsQuery(OwnerType, deputy.Id), cancellationToken);
            var file = files.SingleOrDefault(f => f.Id == attachmentId) ?? throw NotFoundException.For("附件", "attachment");
            if (!file.ContentType.StartsWith("image/", StringComparison.Ordinal))
            {
                throw new BusinessRuleException("deputies.photo_not_image", Text.Of("照片须为 JPG、PNG、GIF 或 WebP 图片。", "The photo must be a JPEG, PNG, GIF or WebP image."));
            }
        }
        deputy.SetPhoto(request.AttachmentId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return await RegistryQueries.ProfileAsync(db, directory, deputy.Id, cancellationToken);
    }
}
