using System.Buffers;
using System.Security.Cryptography;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.Extensions.Options;

namespace CongressPlatform.BuildingBlocks.Attachments.Features;

/// <summary>
/// Attaches one or more files to an owner, all or nothing: the owner's policy is asked first (before a byte is read);
/// each file is streamed to a temporary file while it is hashed, measured and its first bytes sniffed; only when every
/// file passed are they moved into place and their rows saved. A failure at any step leaves no file and no row.
/// </summary>
[NoPermissionRequired("The owner's IAttachmentOwnerPolicy decides, with the owner module's own permissions (AttachmentAccessGuard).")]
public sealed record UploadAttachmentsCommand(string OwnerType, Guid OwnerId, IAsyncEnumerable<IncomingFile> Files)
    : ICommand<IReadOnlyList<AttachmentDto>>;

internal sealed class UploadAttachmentsCommandHandler(
    AttachmentAccessGuard guard, AttachmentsDbContext db, IFileStore store, ITenantDirectory directory, ICurrentUser user,
    IOptions<AttachmentOptions> options, TimeProvider clock)
    : IRequestHandler<UploadAttachmentsCommand, IReadOnlyList<AttachmentDto>>
{
    public async Task<IReadOnlyList<AttachmentDto>> Handle(UploadAttachmentsCommand request, CancellationToken cancellationToken)
    {
        var (policy, tenantId) = await guard.RequireAsync(request.OwnerType, request.OwnerId, AttachmentAccess.Write, cancellationToken);
        var tenant = await directory.FindAsync(tenantId, cancellationToken) ?? throw NotFoundException.For("附件所属的对象", "attachments' owner");
        var limits = options.Value;
        var staged = new List<(IFileUpload Upload, Attachment Row)>();
        var committed = new List<string>();
        try
        {
            await foreach (var file in request.Files.WithCancellation(cancellationToken))
            {
                if (staged.Count == limits.MaxFilesPerRequest)
                {
                    throw new BusinessRuleException("attachment.too_many_files", Text.Of(
                        $"一次最多上传 {limits.MaxFilesPerRequest} 个文件。", $"At most {limits.MaxFilesPerRequest} files per upload."));
                }
                var name = FileNames.Sanitize(file.FileName);
                var upload = await store.BeginAsync(cancellationToken);
                staged.Add((upload, null!));
                var written = await CopyAsync(file.Content, upload.Content, limits.MaxBytes, name, cancellationToken);
                if (written.Size == 0)
                {
                    throw new BusinessRuleException("attachment.empty", Text.Of($"“{name}”是空文件。", $"'{name}' is empty."));
                }
                var type = ContentTypes.Decide(name, written.Kind, written.ValidUtf8, upload.OpenWritten);
                var uploader = user.DisplayName is { Length: > 0 } display ? display : "—";
                var row = new Attachment(Guid.CreateVersion7(), policy.OwnerModule, policy.OwnerType, request.OwnerId, name, type.ContentType,
                    written.Size, written.Sha256, user.UserId, uploader.Length > 100 ? uploader[..100] : uploader, clock.GetUtcNow().UtcDateTime);
                ((ITenantOwned)row).AssignTenant(tenant.Id, tenant.Path);
                staged[^1] = (upload, row);
            }
            if (staged.Count == 0)
            {
                throw new RequestValidationException(new Dictionary<string, string[]>
                {
                    ["files"] = [Text.Of("请选择要上传的文件(multipart/form-data 中的文件部分)。", "Choose at least one file (a file part of multipart/form-data).")],
                });
            }
            foreach (var (upload, row) in staged)
            {
                await upload.CommitAsync(row.StorageKey, cancellationToken);
                committed.Add(row.StorageKey);
            }
            db.Attachments.AddRange(staged.Select(s => s.Row));
            // Saved here, not by the unit of work, so that a refused save can take its files away with it.
            await db.SaveChangesAsync(cancellationToken);
            return staged.Select(s => AttachmentDto.From(s.Row)).ToList();
        }
        catch
        {
            foreach (var key in committed)
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            foreach (var (upload, _) in staged)
            {
                await upload.DisposeAsync();
            }
        }
    }

    private readonly record struct Written(long Size, string Sha256, ContentKind Kind, bool ValidUtf8);

    /// <summary>Streams <paramref name="source"/> into <paramref name="target"/> in 80 KB chunks, hashing, counting and checking as it goes.</summary>
    private static async Task<Written> CopyAsync(Stream source, Stream target, long maxBytes, string name, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        var head = new byte[ContentTypes.HeadLength];
        var headLength = 0;
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var utf8 = new Utf8Check();
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, buffer.Length), cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    throw new PayloadTooLargeException("attachment.too_large", Text.Of(
                        $"“{name}”超过了允许的大小({maxBytes / (1024 * 1024)} MB)。",
                        $"'{name}' is larger than allowed ({maxBytes / (1024 * 1024)} MB)."));
                }
                var chunk = buffer.AsSpan(0, read);
                if (headLength < head.Length)
                {
                    var take = Math.Min(head.Length - headLength, read);
                    chunk[..take].CopyTo(head.AsSpan(headLength));
                    headLength += take;
                }
                hash.AppendData(chunk);
                utf8.Append(chunk);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            utf8.Append([], final: true);
            await target.FlushAsync(cancellationToken);
            return new Written(size, Convert.ToHexStringLower(hash.GetHashAndReset()), ContentTypes.Sniff(head.AsSpan(0, headLength)), utf8.Valid);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
