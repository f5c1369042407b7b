using CongressPlatform.BuildingBlocks.Attachments;
using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CongressPlatform.Modules.Stations.Features.PublicOpinions;

public sealed record OpinionFormDeputyDto(Guid Id, string Name);

/// <summary>What the public form shows: the station, the deputy of the QR code (or the station's deputies to choose from), the limits.</summary>
public sealed record PublicOpinionFormDto(Guid StationId, string StationName, string Address, Guid? DeputyId, string? DeputyName,
    IReadOnlyList<OpinionFormDeputyDto> Deputies, IReadOnlyList<string> Categories, int MaxPhotos, long MaxPhotoBytes);

/// <summary>The public form of a station (and of a deputy there): the ids come from a QR code and are checked, never trusted.</summary>
[NoPermissionRequired("The public opinion form: residents write without an account")]
public sealed record GetPublicOpinionFormQuery(Guid StationId, Guid? DeputyId) : IQuery<PublicOpinionFormDto>;

internal sealed class GetPublicOpinionFormQueryHandler(StationsDbContext db, IMemoryCache cache) : IRequestHandler<GetPublicOpinionFormQuery, PublicOpinionFormDto>
{
    public async Task<PublicOpinionFormDto> Handle(GetPublicOpinionFormQuery request, CancellationToken cancellationToken)
    {
        var station = await PublicStations.FindActiveAsync(db, cache, request.StationId, cancellationToken);
        var deputies = await db.StationDeputies.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.StationId == station.Id && a.EndedOn == null)
            .Select(a => new OpinionFormDeputyDto(a.DeputyId, a.DeputyName))
            .ToListAsync(cancellationToken);
        deputies = deputies.DistinctBy(d => d.Id).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        var deputy = request.DeputyId is { } id ? PublicStations.RequireAssigned(deputies, id) : null;
        return new PublicOpinionFormDto(station.Id, station.Name, station.Address, deputy?.Id, deputy?.Name, deputies,
            OpinionCategories.All, PublicPhotos.MaxCount, PublicPhotos.MaxBytes);
    }
}

/// <summary>A photo as received from the form, before its type is checked.</summary>
public sealed record PublicPhotoDto(string FileName, byte[] Content);

public sealed record SubmittedOpinionDto(string TrackingCode, string Message);

/// <summary>
/// A resident's opinion from the public form. No personal data is required (contact is optional, for the stated purpose);
/// the station must exist and be active and the deputy, when named, assigned to it. A retry with the same
/// <c>Idempotency-Key</c> returns the first answer and never stores a second opinion, even when the retries race.
/// </summary>
[NoPermissionRequired("The public opinion form: residents write without an account; rate-limited per address and per station")]
public sealed record SubmitPublicOpinionCommand(
    Guid StationId,
    Guid? DeputyId,
    string Content,
    string? Category,
    [property: PersonalData] string? ContactName,
    [property: PersonalData] string? ContactPhone,
    string? IdempotencyKey,
    [property: SecretData] IReadOnlyList<PublicPhotoDto> Photos) : ICommand<SubmittedOpinionDto>;

internal sealed class SubmitPublicOpinionCommandValidator : AbstractValidator<SubmitPublicOpinionCommand>
{
    public SubmitPublicOpinionCommandValidator()
    {
        RuleFor(c => c.Content).NotEmpty().WithMessage(_ => Text.Of("请填写您要反映的意见或建议。", "Please write your opinion."))
            .MaximumLength(2000).WithMessage(_ => Text.Of("意见内容不能超过 2000 字。", "At most 2000 characters."));
        RuleFor(c => c.Category).MaximumLength(50);
        RuleFor(c => c.ContactName).MaximumLength(50).WithMessage(_ => Text.Of("称呼不能超过 50 字。", "At most 50 characters."));
        RuleFor(c => c.ContactPhone).MaximumLength(30).Matches("^[0-9+\\- ]*$")
            .WithMessage(_ => Text.Of("联系电话只能包含数字、空格和“-”。", "A phone number has digits, spaces and dashes only."));
        RuleFor(c => c.IdempotencyKey).MaximumLength(100);
    }
}

internal sealed class SubmitPublicOpinionCommandHandler(
    StationsDbContext db, ITenantContext tenant, ITenantDirectory tenants, IFileStore store, TimeProvider clock, IMemoryCache cache)
    : IRequestHandler<SubmitPublicOpinionCommand, SubmittedOpinionDto>
{
    public async Task<SubmittedOpinionDto> Handle(SubmitPublicOpinionCommand request, CancellationToken cancellationToken)
    {
        // A repeated Idempotency-Key is found by the unique index when the opinion is saved (below), not by a look-up
        // first: retries are rare and every first submission would otherwise pay a query for them.
        var key = string.IsNullOrWhiteSpace(request.IdempotencyKey) ? null : request.IdempotencyKey.Trim();
        var station = await PublicStations.FindActiveAsync(db, cache, request.StationId, cancellationToken);
        OpinionFormDeputyDto? deputy = null;
        if (request.DeputyId is { } deputyId)
        {
            var assigned = await db.StationDeputies.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.StationId == station.Id && a.DeputyId == deputyId && a.EndedOn == null)
                .Select(a => new OpinionFormDeputyDto(a.DeputyId, a.DeputyName)).ToListAsync(cancellationToken);
            deputy = PublicStations.RequireAssigned(assigned, deputyId);
        }
        var photos = PublicPhotos.Check(request.Photos);

        // The opinion belongs to the station's tenant: enter it, as its staff would.
        var info = await tenants.FindAsync(station.TenantId, cancellationToken) ?? throw PublicStations.NotFound();
        ((TenantContext)tenant).SetTenant(info, supervisesSubtree: false);
        var now = clock.GetUtcNow().UtcDateTime;
        var contact = string.IsNullOrWhiteSpace(request.ContactName) && string.IsNullOrWhiteSpace(request.ContactPhone)
            ? null : new OpinionContact(Clean(request.ContactName), Clean(request.ContactPhone));
        var opinion = new Opinion(TrackingCodes.New(), OpinionChannel.QrCode, station.Id, deputy?.Id, deputy?.Name, request.Content, contact,
            key, now, ChinaTime.Today(clock));
        opinion.SetIntakeDetails(OpinionCategories.Known(request.Category), station.Community, confidential: false);
        db.Opinions.Add(opinion);
        db.OpinionEvents.Add(new OpinionEvent(opinion.Id, OpinionHistory.Received, "群众", null, now));

        var written = new List<string>();
        try
        {
            foreach (var (content, type) in photos)
            {
                var photo = new OpinionPhoto(opinion.Id, type, content.Length, AttachmentKeys.For(Guid.CreateVersion7(), now), now);
                await using var upload = await store.BeginAsync(cancellationToken);
                await upload.Content.WriteAsync(content, cancellationToken);
                await upload.CommitAsync(photo.StorageKey, cancellationToken);
                written.Add(photo.StorageKey);
                db.OpinionPhotos.Add(photo);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // A request with the same key was saved before (a retry) or at the same moment: answer with its opinion,
            // keep nothing of ours.
            db.ChangeTracker.Clear();
            await DeleteAsync(written);
            return await FindByKeyAsync(key, cancellationToken) ?? throw new ConflictException("opinion.retry", Text.Of(
                "提交冲突,请稍后重试。", "The submission conflicted; please retry."));
        }
        catch
        {
            await DeleteAsync(written);
            throw;
        }
        return Submitted(opinion.TrackingCode);
    }

    private async Task<SubmittedOpinionDto?> FindByKeyAsync(string key, CancellationToken cancellationToken)
    {
        var code = await db.Opinions.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.IdempotencyKey == key).Select(o => o.TrackingCode).FirstOrDefaultAsync(cancellationToken);
        return code is null ? null : Submitted(code);
    }

    private async Task DeleteAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
    }

    private static SubmittedOpinionDto Submitted(string code) => new(code, Text.Of(
        $"提交成功!您的查询码是 {code},请妥善保存,可凭此码查询办理进度和答复。",
        $"Thank you. Your tracking code is {code}; keep it to follow the answer."));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What the public form needs of a station.</summary>
internal sealed record PublicStationInfo(Guid Id, Guid TenantId, string Name, string Address, string? Community);

internal static class PublicStations
{
    public static NotFoundException NotFound() => new("opinion.station_not_found", Text.Of(
        "该联络站不存在或已停用,请扫描联络站现场张贴的二维码。", "There is no such active station; scan the code posted at the station."));

    /// <summary>
    /// How long the public form trusts what it read of a station. Every submission would otherwise read the station
    /// again (a quarter of a submission's database round trips); closing or editing a station on this node forgets it at
    /// once (<see cref="Forget"/>), elsewhere within this time.
    /// </summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>The station of an id from a QR code, in any tenant, only when it exists and is active.</summary>
    public static async Task<PublicStationInfo> FindActiveAsync(StationsDbContext db, IMemoryCache cache, Guid stationId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(stationId), out PublicStationInfo? known) && known is not null)
        {
            return known;
        }
        var station = await db.Stations.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Id == stationId && s.IsActive)
            .Select(s => new PublicStationInfo(s.Id, s.TenantId, s.Name, s.Address, s.Community))
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFound();
        cache.Set(Key(stationId), station, CacheLifetime);
        return station;
    }

    /// <summary>After a station is closed, reopened or edited: the next public read goes to the database.</summary>
    public static void Forget(IMemoryCache cache, Guid stationId) => cache.Remove(Key(stationId));

    private static (string, Guid) Key(Guid stationId) => ("stations.public-station", stationId);

    public static OpinionFormDeputyDto RequireAssigned(IEnumerable<OpinionFormDeputyDto> deputies, Guid deputyId) =>
        deputies.FirstOrDefault(d => d.Id == deputyId) ?? throw new BusinessRuleException("opinion.deputy_not_at_station", Text.Of(
            "该代表不在本联络站,请重新扫码,或在本站代表中选择。", "That deputy is not assigned to this station."));
}

/// <summary>Photos on the public form: at most three, each at most 5 MB, JPEG, PNG or WebP by content (not by name).</summary>
internal static class PublicPhotos
{
    public const int MaxCount = 3;
    public const long MaxBytes = 5 * 1024 * 1024;

    public static PayloadTooLargeException TooLarge() => new("opinion.photo_too_large", Text.Of(
        "每张照片不能超过 5 MB,请压缩后再上传。", "Each photo may be at most 5 MB."));

    public static IReadOnlyList<(byte[] Content, string ContentType)> Check(IReadOnlyList<PublicPhotoDto> photos)
    {
        if (photos.Count > MaxCount)
        {
            throw new BusinessRuleException("opinion.too_many_photos", Text.Of(
                $"最多上传 {MaxCount} 张照片。", $"At most {MaxCount} photos."));
        }
        return photos.Select(p =>
        {
            if (p.Content.Length == 0)
            {
                throw new BusinessRuleException("opinion.photo_empty", Text.Of("照片文件是空的,请重新选择。", "A photo is empty."));
            }
            if (p.Content.Length > MaxBytes)
            {
                throw TooLarge();
            }
            var type = ContentTypes.Sniff(p.Content.AsSpan(0, Math.Min(p.Content.Length, ContentTypes.HeadLength))) switch
            {
                ContentKind.Jpeg => "image/jpeg",
                ContentKind.Png => "image/png",
                ContentKind.WebP => "image/webp",
                _ => throw new UnsupportedContentException("opinion.photo_type", Text.Of(
                    "只能上传 JPG、PNG 或 WebP 格式的照片。", "Photos must be JPEG, PNG or WebP.")),
            };
            return (p.Content, type);
        }).ToList();
    }
}

/// <summary>The categories offered on the forms (free text is kept if staff enter another).</summary>
internal static class OpinionCategories
{
    public static IReadOnlyList<string> All { get; } =
        ["城市管理", "交通出行", "环境卫生", "物业小区", "教育医疗", "养老服务", "社会保障", "安全生产", "其他"];

    public static string? Known(string? category) =>
        category is not null && All.Contains(category.Trim()) ? category.Trim() : null;
}

/// <summary>The kinds of history entries.</summary>
internal static class OpinionHistory
{
    public const string Received = "received";
    public const string Registered = "registered";
    public const string Triaged = "triaged";
    public const string Duplicate = "duplicate";
    public const string Referred = "referred";
    public const string Answered = "answered";
    public const string FedBack = "fed_back";
    public const string Closed = "closed";
    public const string Rated = "rated";
}

/// <summary>The fields of the public form (multipart/form-data), for the API description; photos go in <c>photos</c> parts.</summary>
public sealed record SubmitPublicOpinionFormBody(Guid StationId, Guid? DeputyId, string Content, string? Category, string? ContactName, string? ContactPhone);
