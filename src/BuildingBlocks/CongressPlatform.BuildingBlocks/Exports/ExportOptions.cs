using CongressPlatform.BuildingBlocks.Attachments;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CongressPlatform.BuildingBlocks.Exports;

/// <summary><c>Exports:*</c> settings.</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Where the files are kept; relative paths are under the host's content root.</summary>
    public string Root { get; set; } = "data/exports";

    /// <summary>An export of at most this many rows is written within the request; a larger one in the background.</summary>
    public int InlineMaxRows { get; set; } = 2000;

    /// <summary>Days a file (and its row) is kept after it was finished.</summary>
    public int RetentionDays { get; set; } = 7;

    /// <summary>How long a writer holds a running job without reporting progress; after that another writer takes it over.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>How often an idle worker looks for queued jobs (a new job wakes the worker of its node at once).</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>Starts (a crash or restart in between counts) after which a job is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Run the background worker on this node.</summary>
    public bool WorkerEnabled { get; set; } = true;
}

/// <summary>The exports' files: the attachments' local store (temporary file, atomic move) under <c>Exports:Root</c>.</summary>
internal sealed class ExportFiles(IOptions<ExportOptions> options, IHostEnvironment environment)
{
    public IFileStore Store { get; } = new LocalFileStore(LocalFileStore.RootFor(options.Value.Root, environment));
}

/// <summary>Wakes this node's worker when a job is queued.</summary>
internal sealed class ExportSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
