using CongressPlatform.BuildingBlocks.Attachments;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Stations.Contracts;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CongressPlatform.Modules.Stations.Features.Opinions;

/// <summary>A photo the resident sent with the opinion (its bytes are read from its own endpoint).</summary>
public sealed record OpinionPhotoDto(Guid Id, string ContentType, long SizeBytes);

/// <summary>A photo's bytes, opened for streaming (the endpoint disposes the stream).</summary>
public sealed record OpinionPhotoFileDto(Stream Content, string ContentType, DateTime UploadedAtUtc);

/// <summary>A photo of an opinion in the caller's tenant scope, for staff who may read the opinion; another scope's is a 404.</summary>
[RequiresPermission(StationsPermissions.OpinionsRead)]
public sealed record GetOpinionPhotoQuery(Guid OpinionId, Guid PhotoId) : IQuery<OpinionPhotoFileDto>;

internal sealed class GetOpinionPhotoQueryHandler(StationsDbContext db, IFileStore store) : IRequestHandler<GetOpinionPhotoQuery, OpinionPhotoFileDto>
{
    public async Task<OpinionPhotoFileDto> Handle(GetOpinionPhotoQuery request, CancellationToken cancellationToken)
    {
        // The tenant filters decide: a sibling street's opinion is not found.
        if (!await db.Opinions.AnyAsync(o => o.Id == request.OpinionId, cancellationToken))
        {
            throw OpinionWorkflow.NotFound();
        }
        return await OpinionPhotoFiles.OpenAsync(db, store, request.OpinionId, request.PhotoId, cancellationToken);
    }
}

/// <summary>A photo of an opinion referred to one of the signed-in officer's handling units (in whichever tenant); anyone else gets 404.</summary>
[RequiresPermission(StationsPermissions.OpinionsAnswer)]
public sealed record GetAssignedOpinionPhotoQuery(Guid OpinionId, Guid PhotoId) : IQuery<OpinionPhotoFileDto>;

internal sealed class GetAssignedOpinionPhotoQueryHandler(StationsDbContext db, IMediator mediator, IFileStore store)
    : IRequestHandler<GetAssignedOpinionPhotoQuery, OpinionPhotoFileDto>
{
    public async Task<OpinionPhotoFileDto> Handle(GetAssignedOpinionPhotoQuery request, CancellationToken cancellationToken)
    {
        var units = await mediator.Send(new GetMyHandlingUnitIdsQuery(), cancellationToken);
        if (!await AssignedOpinions.Of(db, units).AnyAsync(o => o.Id == request.OpinionId, cancellationToken))
        {
            throw OpinionWorkflow.NotFound();
        }
        return await OpinionPhotoFiles.OpenAsync(db, store, request.OpinionId, request.PhotoId, cancellationToken);
    }
}

internal static class OpinionPhotoFiles
{
    public static NotFoundException NotFound() => NotFoundException.For("照片", "photo");

    /// <summary>The photos of opinions already found in the caller's scope (the photo rows carry the opinion's tenant).</summary>
    public static async Task<IReadOnlyList<OpinionPhotoDto>> ListAsync(StationsDbContext db, Guid opinionId, CancellationToken cancellationToken) =>
        await db.OpinionPhotos.IgnoreQueryFilters().AsNoTracking().Where(p => p.OpinionId == opinionId)
            .OrderBy(p => p.UploadedAtUtc).ThenBy(p => p.Id)
            .Select(p => new OpinionPhotoDto(p.Id, p.ContentType, p.SizeBytes)).ToListAsync(cancellationToken);

    public static async Task<Dictionary<Guid, List<Guid>>> IdsByOpinionAsync(StationsDbContext db, IReadOnlyCollection<Guid> opinionIds,
        CancellationToken cancellationToken)
    {
        var rows = await db.OpinionPhotos.IgnoreQueryFilters().AsNoTracking().Where(p => opinionIds.Contains(p.OpinionId))
            .OrderBy(p => p.UploadedAtUtc).ThenBy(p => p.Id).Select(p => new { p.OpinionId, p.Id }).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.OpinionId).ToDictionary(g => g.Key, g => g.Select(r => r.Id).ToList());
    }

    /// <summary>Opens a photo of an opinion the caller was already allowed to see.</summary>
    public static async Task<OpinionPhotoFileDto> OpenAsync(StationsDbContext db, IFileStore store, Guid opinionId, Guid photoId,
        CancellationToken cancellationToken)
    {
        OpinionPhoto photo = await db.OpinionPhotos.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == photoId && p.OpinionId == opinionId, cancellationToken) ?? throw NotFound();
        var content = await store.OpenReadAsync(photo.StorageKey, cancellationToken)
            ?? throw new NotFoundException("opinion.photo_missing", Text.Of(
                "照片文件已不存在,请联系管理员。", "The photo's file is missing; contact the administrator."));
        return new OpinionPhotoFileDto(content, photo.ContentType, photo.UploadedAtUtc);
    }
}
