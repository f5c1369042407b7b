using CongressPlatform.Modules.Deputies.Domain;

namespace CongressPlatform.Modules.Deputies.Features.Registry;

/// <summary>A seat as the caller's tenant sees it (only seats the tenant organises, or supervises, are shown).</summary>
public sealed record SeatDto(
    Guid Id, Guid TenantId, string TenantName, SeatLevel Level, int Term, string Constituency, DateOnly ElectedOn, bool ByElection,
    SeatStatus Status, DateOnly? EndedOn, string? EndReason, Guid Version);

/// <summary>A row of the registry list. <c>Mobile</c> is masked (<c>138****0002</c>).</summary>
public sealed record DeputyListItemDto(
    Guid Id, string Name, Gender Gender, string Party, string? Occupation, string? WorkUnit, string? Mobile, bool Invited,
    IReadOnlyList<SeatDto> Seats);

/// <summary>The current consent of one item: granted or not, and since when (null: never recorded).</summary>
public sealed record ConsentStateDto(ConsentItem Item, bool Granted, DateTime? SinceUtc);

public sealed record ConsentRecordDto(Guid Id, ConsentItem Item, bool Granted, string? Note, string RecordedByName, DateTime RecordedAtUtc);

/// <summary>
/// A deputy's profile. <c>Mobile</c> and <c>Email</c> are masked; the full values only through
/// <c>POST /api/deputies/deputies/{id}/contact</c> (audited). <c>Seats</c> are those visible in the caller's tenant.
/// </summary>
public sealed record DeputyDto(
    Guid Id, string Name, Gender Gender, string Ethnicity, int? BirthYear, string Party, string? Education, string? Occupation,
    string? WorkUnit, string? Mobile, string? Email, Guid? PhotoAttachmentId, Guid? UserId, DateTime? InvitedAtUtc,
    DateTime CreatedAtUtc, DateTime UpdatedAtUtc, Guid Version,
    IReadOnlyList<SeatDto> Seats, IReadOnlyList<ConsentStateDto> Consents, IReadOnlyList<ConsentRecordDto> ConsentHistory);
