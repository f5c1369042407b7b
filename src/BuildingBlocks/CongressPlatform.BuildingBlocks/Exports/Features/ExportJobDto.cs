namespace CongressPlatform.BuildingBlocks.Exports.Features;

/// <summary>An export as its user sees it: progress while it runs, the file's name and size once it is done.</summary>
public sealed record ExportJobDto(
    Guid Id, string Source, string Title, ExportFormat Format, ExportStatus Status, int TotalRows, int RowsWritten,
    long? SizeBytes, string? FileName, string? Error, DateTime CreatedAtUtc, DateTime? CompletedAtUtc, DateTime? ExpiresAtUtc)
{
    internal static ExportJobDto From(ExportJob j) => new(
        j.Id, j.Source, j.Title, j.Format, j.Status, j.TotalRows, j.RowsWritten, j.SizeBytes, j.FileName, j.Error,
        j.CreatedAtUtc, j.CompletedAtUtc, j.ExpiresAtUtc);
}
