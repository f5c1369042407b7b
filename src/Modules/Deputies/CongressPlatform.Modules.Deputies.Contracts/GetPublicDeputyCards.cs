using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Contracts;

/// <summary>
/// What public pages (a station's notice board, the QR-code page) may show of the given deputies: the name always; the
/// phone, e-mail, photo and work unit only while the deputy's recorded consent to publish that item stands (null
/// otherwise). Unknown ids are left out.
/// </summary>
[NoPermissionRequired("Sent by modules building public pages (Stations); returns only what each deputy consented to publish")]
public sealed record GetPublicDeputyCardsQuery(IReadOnlyCollection<Guid> DeputyIds) : IQuery<IReadOnlyList<PublicDeputyCardDto>>;

/// <param name="PhotoAttachmentId">The photo attachment (owner type <c>deputies</c>), when consented and set.</param>
public sealed record PublicDeputyCardDto(Guid DeputyId, string Name, string Party, string? Mobile, string? Email, Guid? PhotoAttachmentId, string? WorkUnit);
