using CongressPlatform.SharedKernel;

namespace CongressPlatform.BuildingBlocks.Attachments;

/// <summary>
/// A file attached to an aggregate of some module (a handling unit's letter, an inspection's photos). The row belongs
/// to the owner's tenant; the content lives in the <see cref="IFileStore"/> under <see cref="StorageKey"/>.
/// </summary>
internal sealed class Attachment : TenantOwnedEntity
{
    private Attachment()
    {
    }

    public Attachment(Guid id, string ownerModule, string ownerType, Guid ownerId, string fileName, string contentType,
        long sizeBytes, string sha256, Guid? uploadedBy, string uploadedByName, DateTime uploadedAtUtc)
    {
        Id = id;
        OwnerModule = ownerModule;
        OwnerType = ownerType;
        OwnerId = ownerId;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedByName = uploadedByName;
        UploadedAtUtc = uploadedAtUtc;
        StorageKey = AttachmentKeys.For(id, uploadedAtUtc);
    }

    public string OwnerModule { get; private set; } = string.Empty;
    public string OwnerType { get; private set; } = string.Empty;
    public Guid OwnerId { get; private set; }

    /// <summary>The client's name, sanitised (<see cref="FileNames"/>): shown and offered on download, never a path.</summary>
    public string FileName { get; private set; } = string.Empty;

    /// <summary>Detected from the content (<see cref="ContentTypes"/>), not taken from the client.</summary>
    public string ContentType { get; private set; } = string.Empty;

    public long SizeBytes { get; private set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    public Guid? UploadedBy { get; private set; }
    public string UploadedByName { get; private set; } = string.Empty;
    public DateTime UploadedAtUtc { get; private set; }
    public string StorageKey { get; private set; } = string.Empty;
}
