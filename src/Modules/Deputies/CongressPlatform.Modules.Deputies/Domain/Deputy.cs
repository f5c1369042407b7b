using CongressPlatform.SharedKernel;

namespace CongressPlatform.Modules.Deputies.Domain;

public enum Gender
{
    Male = 0,
    Female = 1,
}

/// <summary>
/// A person who is a deputy (人大代表). One person is one row however many seats they hold: a township deputy who is
/// also a district deputy has one file (一人一档). The person belongs to no tenant; a tenant sees the person only
/// through a <see cref="Seat"/> it organises (or supervises), so every read starts from the seats.
/// </summary>
internal sealed class Deputy : Entity, IVersioned
{
    private readonly List<Seat> _seats = [];

    private Deputy()
    {
    }

    public Deputy(DeputyDetails details, DateTime nowUtc)
    {
        Update(details, nowUtc);
        CreatedAtUtc = nowUtc;
    }

    public Guid Version { get; set; } = Guid.CreateVersion7();

    public string Name { get; private set; } = string.Empty;
    public Gender Gender { get; private set; }
    public string Ethnicity { get; private set; } = "汉族";
    public int? BirthYear { get; private set; }

    /// <summary>政治面貌: 中共党员, 民主党派 (named), 群众…</summary>
    public string Party { get; private set; } = string.Empty;

    public string? Education { get; private set; }
    public string? Occupation { get; private set; }
    public string? WorkUnit { get; private set; }

    /// <summary>The person's mobile: the key that makes one person of two rosters, and the sign-in name's phone.</summary>
    [PersonalData]
    public string Mobile { get; private set; } = string.Empty;

    [PersonalData]
    public string? Email { get; private set; }

    /// <summary>The photo, stored as an attachment owned by this deputy.</summary>
    public Guid? PhotoAttachmentId { get; private set; }

    /// <summary>The sign-in account, once the deputy was invited.</summary>
    public Guid? UserId { get; private set; }

    /// <summary>When the deputy was last invited (the account opened or found, the memberships granted).</summary>
    public DateTime? InvitedAtUtc { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public IReadOnlyList<Seat> Seats => _seats;

    public void Update(DeputyDetails details, DateTime nowUtc)
    {
        Name = details.Name.Trim();
        Gender = details.Gender;
        Ethnicity = string.IsNullOrWhiteSpace(details.Ethnicity) ? "汉族" : details.Ethnicity.Trim();
        BirthYear = details.BirthYear;
        Party = details.Party.Trim();
        Education = Clean(details.Education);
        Occupation = Clean(details.Occupation);
        WorkUnit = Clean(details.WorkUnit);
        Mobile = details.Mobile.Trim();
        Email = Clean(details.Email);
        UpdatedAtUtc = nowUtc;
    }

    public void SetPhoto(Guid? attachmentId, DateTime nowUtc)
    {
        PhotoAttachmentId = attachmentId;
        UpdatedAtUtc = nowUtc;
    }

    public void LinkAccount(Guid userId, DateTime nowUtc)
    {
        if (UserId is { } existing && existing != userId)
        {
            throw new BusinessRuleException("deputies.account_linked", Text.Of("该代表已关联另一个登录账号。", "This deputy is already linked to another account."));
        }
        UserId = userId;
        InvitedAtUtc = nowUtc;
    }

    public Seat AddSeat(SeatDetails details)
    {
        if (_seats.Any(s => s.Level == details.Level && s.Term == details.Term && s.Status == SeatStatus.Serving && s.TenantId == details.TenantId))
        {
            throw new BusinessRuleException("deputies.duplicate_seat",
                Text.Of("该代表在本单位已有同一级别、同一届次的在任席位。", "The deputy already holds a serving seat of this level and term here."));
        }
        var seat = new Seat(Id, details);
        _seats.Add(seat);
        return seat;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What staff enter about a person (the registry form and an import row).</summary>
internal sealed record DeputyDetails(
    string Name, Gender Gender, string? Ethnicity, int? BirthYear, string Party, string? Education, string? Occupation,
    string? WorkUnit, string Mobile, string? Email);
