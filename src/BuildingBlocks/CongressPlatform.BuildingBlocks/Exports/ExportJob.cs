using CongressPlatform.SharedKernel;

namespace CongressPlatform.BuildingBlocks.Exports;

public enum ExportFormat
{
    Xlsx = 1,
    Csv = 2,
}

public enum ExportStatus
{
    /// <summary>Waiting for the background worker.</summary>
    Queued = 1,

    /// <summary>Being written; <see cref="ExportJob.LeaseUntilUtc"/> says until when the writer holds it.</summary>
    Running = 2,

    Completed = 3,
    Failed = 4,
}

/// <summary>
/// One export a user asked for: which list, with which filter, in which format, and — once written — the file. The row
/// belongs to the tenant the user worked in; only the user who asked sees it. It keeps who asked (id, name, roles) so
/// that a background run acts with exactly the permissions and tenant of the request.
/// </summary>
internal sealed class ExportJob : TenantOwnedEntity
{
    private ExportJob()
    {
    }

    public ExportJob(Guid userId, string userName, IEnumerable<string> roles, string source, string title, ExportFormat format,
        string filterJson, int totalRows, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        UserName = userName;
        Roles = string.Join(',', roles);
        Source = source;
        Title = title;
        Format = format;
        FilterJson = filterJson;
        TotalRows = totalRows;
        Status = ExportStatus.Queued;
        CreatedAtUtc = nowUtc;
    }

    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = string.Empty;

    /// <summary>The requester's roles in the tenant, comma-separated: the background run's permissions.</summary>
    public string Roles { get; private set; } = string.Empty;

    /// <summary>The <see cref="IExportSource.Name"/>.</summary>
    public string Source { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;
    public ExportFormat Format { get; private set; }
    public string FilterJson { get; private set; } = "{}";
    public ExportStatus Status { get; private set; }
    public int TotalRows { get; private set; }
    public int RowsWritten { get; private set; }
    public long? SizeBytes { get; private set; }
    public string? FileName { get; private set; }
    public string? StorageKey { get; private set; }

    /// <summary>Why it failed, in Chinese (shown to the user).</summary>
    public string? Error { get; private set; }

    /// <summary>How many times a writer started it (a restart picks a job up again).</summary>
    public int Attempts { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? StartedAtUtc { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    public DateTime? ExpiresAtUtc { get; private set; }
    public DateTime? LeaseUntilUtc { get; private set; }

    public bool IsFinished => Status is ExportStatus.Completed or ExportStatus.Failed;

    /// <summary>A writer takes the job until <paramref name="leaseUntilUtc"/>; it renews the lease as it goes.</summary>
    public void Start(DateTime nowUtc, DateTime leaseUntilUtc)
    {
        Status = ExportStatus.Running;
        StartedAtUtc = nowUtc;
        LeaseUntilUtc = leaseUntilUtc;
        RowsWritten = 0;
        Attempts++;
    }

    public void Progress(int rowsWritten, DateTime leaseUntilUtc)
    {
        RowsWritten = rowsWritten;
        LeaseUntilUtc = leaseUntilUtc;
    }

    public void Complete(int rows, long sizeBytes, string fileName, string storageKey, DateTime nowUtc, DateTime expiresAtUtc)
    {
        Status = ExportStatus.Completed;
        RowsWritten = rows;
        TotalRows = rows;
        SizeBytes = sizeBytes;
        FileName = fileName;
        StorageKey = storageKey;
        CompletedAtUtc = nowUtc;
        ExpiresAtUtc = expiresAtUtc;
        LeaseUntilUtc = null;
    }

    public void Fail(string error, DateTime nowUtc, DateTime expiresAtUtc)
    {
        Status = ExportStatus.Failed;
        Error = error.Length > 500 ? error[..500] : error;
        CompletedAtUtc = nowUtc;
        ExpiresAtUtc = expiresAtUtc;
        LeaseUntilUtc = null;
    }
}
