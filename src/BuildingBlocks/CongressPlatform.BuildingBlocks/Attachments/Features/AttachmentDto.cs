namespace CongressPlatform.BuildingBlocks.Attachments.Features;

/// <summary>An attachment as the API shows it.</summary>
public sealed record AttachmentDto(
    Guid Id,
    string OwnerType,
    Guid OwnerId,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    Guid? UploadedBy,
    string UploadedByName,
    DateTime UploadedAtUtc,
    Guid Version)
{
    internal static AttachmentDto From(Attachment a) => new(
        a.Id, a.OwnerType, a.OwnerId, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedBy, a.UploadedByName, a.UploadedAtUtc, a.Version);
}

/// <summary>One file of an upload: the client's name (sanitised on arrival) and its content, read once, forward only.</summary>
public sealed record IncomingFile(string? FileName, Stream Content);
