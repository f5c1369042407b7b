using CongressPlatform.Modules.Deputies.Domain;

namespace CongressPlatform.Modules.Deputies.Features.Quarterly;

/// <summary>A generated Word document for download.</summary>
public sealed record DocumentFileDto(byte[] Content, string ContentType, string FileName);

public sealed record QuarterlyReportDto(Guid Id, Guid TenantId, Guid DeputyId, string DeputyName, int Year, int Quarter, int TotalPoints, int Rank,
    int DeputiesRanked, int RecordCount, int LeaveCount, string Summary, bool Delivered, DateTime GeneratedAtUtc);

public sealed record ReminderLetterDto(Guid Id, Guid TenantId, Guid DeputyId, string DeputyName, int Year, int Quarter, int Points, int Threshold,
    string Body, ReminderLetterStatus Status, DateTime CreatedAtUtc, DateTime UpdatedAtUtc, string? UpdatedByName, DateTime? SentAtUtc,
    string? SentByName, Guid Version);

public sealed record QuarterlyRunDto(int Year, int Quarter, int Deputies, int ReportsCreated, int LettersCreated, int Delivered);

public sealed record QuarterlySettingsDto(int MinimumQuarterlyPoints, bool IsDefault, Guid? Version);

internal static class QuarterlyViews
{
    public static QuarterlyReportDto Report(QuarterlyReport r) =>
        new(r.Id, r.TenantId, r.DeputyId, r.DeputyName, r.Year, r.Quarter, r.TotalPoints, r.Rank, r.DeputiesRanked, r.RecordCount, r.LeaveCount,
            r.Summary, r.DeliveredToUserId is not null, r.GeneratedAtUtc);

    public static ReminderLetterDto Letter(ReminderLetter l) =>
        new(l.Id, l.TenantId, l.DeputyId, l.DeputyName, l.Year, l.Quarter, l.Points, l.Threshold, l.Body, l.Status, l.CreatedAtUtc, l.UpdatedAtUtc,
            l.UpdatedByName, l.SentAtUtc, l.SentByName, l.Version);

    public static string ReportFileName(QuarterlyReport r) => $"{r.DeputyName}{r.Year}年第{r.Quarter}季度履职档案.docx";

    public static string LetterFileName(ReminderLetter l) => $"温馨提示函-{l.DeputyName}-{l.Year}年第{l.Quarter}季度.docx";
}
