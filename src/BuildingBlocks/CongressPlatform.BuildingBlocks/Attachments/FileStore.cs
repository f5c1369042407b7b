using System.Text.RegularExpressions;
using CongressPlatform.BuildingBlocks.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CongressPlatform.BuildingBlocks.Attachments;

/// <summary>
/// Where attachment contents live. Keys are made by the platform (<see cref="AttachmentKeys"/>), never from anything a
/// client sent. A write goes to a temporary, invisible file first and becomes visible only when committed.
/// </summary>
public interface IFileStore
{
    /// <summary>Starts writing a new file. Disposing the upload without <see cref="IFileUpload.CommitAsync"/> discards it.</summary>
    Task<IFileUpload> BeginAsync(CancellationToken cancellationToken);

    /// <summary>Opens a committed file for streaming, or null when it is not there.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes a committed file; a missing file is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>A file being written: write <see cref="Content"/>, inspect it with <see cref="OpenWritten"/>, then commit or dispose.</summary>
public interface IFileUpload : IAsyncDisposable
{
    Stream Content { get; }

    /// <summary>Reads back what has been written so far (after the content was flushed).</summary>
    Stream OpenWritten();

    /// <summary>Moves the written file to <paramref name="key"/>, where readers find it.</summary>
    Task CommitAsync(string key, CancellationToken cancellationToken);
}

public static partial class AttachmentKeys
{
    /// <summary><c>yyyy/MM/{id:N}</c>: spreads files over folders by month; made from the row's id only (attachments, exports).</summary>
    public static string For(Guid id, DateTime uploadedAtUtc) => $"{uploadedAtUtc:yyyy}/{uploadedAtUtc:MM}/{id:N}";

    [GeneratedRegex("^[0-9]{4}/[0-9]{2}/[0-9a-f]{32}$")]
    internal static partial Regex Pattern();
}

/// <summary><c>Attachments:*</c> settings.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The local store's folder; relative paths are under the host's content root.</summary>
    public string Root { get; set; } = "data/attachments";

    /// <summary>The largest upload request, and so the largest file (bytes). 20 MB by default.</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The most files one upload request may carry.</summary>
    public int MaxFilesPerRequest { get; set; } = 10;
}

/// <summary>
/// The default store: files under <c>Attachments:Root</c> as <c>yyyy/MM/{id}</c>, written as <c>.tmp/{random}.part</c>
/// in the same folder tree and moved into place (an atomic rename on one file system), so a reader never sees half a file.
/// </summary>
internal sealed class LocalFileStore : IFileStore
{
    private const string StagingFolder = ".tmp";

    public LocalFileStore(IOptions<AttachmentOptions> options, IHostEnvironment environment)
        : this(RootFor(options.Value.Root, environment))
    {
    }

    /// <summary>A store under another folder (the exports' files).</summary>
    internal LocalFileStore(string root) => Root = root;

    /// <summary>A configured folder: relative paths are under the host's content root.</summary>
    internal static string RootFor(string root, IHostEnvironment environment) =>
        Path.GetFullPath(Path.IsPathRooted(root) ? root : Path.Combine(environment.ContentRootPath, root));

    public string Root { get; }

    public Task<IFileUpload> BeginAsync(CancellationToken cancellationToken)
    {
        var staging = Path.Combine(Root, StagingFolder);
        Directory.CreateDirectory(staging);
        var path = Path.Combine(staging, $"{Guid.NewGuid():N}.part");
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 81920, FileOptions.Asynchronous);
        return Task.FromResult<IFileUpload>(new Upload(this, path, stream));
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Deletes the staging files of uploads last written before <paramref name="olderThanUtc"/>: a write that was
    /// neither committed nor disposed because its process died (a disposed one deletes its own file). A file still open
    /// elsewhere is left for the next time. Returns how many were deleted.
    /// </summary>
    internal int DeleteAbandonedUploads(DateTime olderThanUtc)
    {
        var staging = new DirectoryInfo(Path.Combine(Root, StagingFolder));
        if (!staging.Exists)
        {
            return 0;
        }
        var deleted = 0;
        foreach (var file in staging.EnumerateFiles("*.part"))
        {
            if (file.LastWriteTimeUtc >= olderThanUtc)
            {
                continue;
            }
            try
            {
                file.Delete();
                deleted++;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return deleted;
    }

    /// <summary>The file's path; throws for anything but a platform-made key, so no input can point outside the root.</summary>
    internal string PathOf(string key)
    {
        if (!AttachmentKeys.Pattern().IsMatch(key))
        {
            throw new ArgumentException($"'{key}' is not an attachment key.", nameof(key));
        }
        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' leaves the store's root.", nameof(key));
        }
        return path;
    }

    private sealed class Upload(LocalFileStore store, string path, FileStream stream) : IFileUpload
    {
        private bool _committed;

        public Stream Content => stream;

        public Stream OpenWritten() =>
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920);

        public async Task CommitAsync(string key, CancellationToken cancellationToken)
        {
            var target = store.PathOf(key);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
            await stream.DisposeAsync();
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(path, target, overwrite: false);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            if (!_committed)
            {
                File.Delete(path);
            }
        }
    }
}

/// <summary>
/// At start-up, the staging files of uploads abandoned in one store by a process that died mid-write are deleted once
/// they are an hour old: younger ones may belong to another node writing into the same folder. Each service with a
/// local store (attachments, exports) registers one with <see cref="For"/>; another kind of store is left alone.
/// </summary>
internal sealed class AbandonedUploadsCleanup(IFileStore store, TimeProvider clock, ILogger<AbandonedUploadsCleanup> logger) : IStartupTask
{
    public static readonly TimeSpan Age = TimeSpan.FromHours(1);

    /// <summary>The start-up task for the store <paramref name="storeOf"/> picks from the services.</summary>
    public static IStartupTask For(IServiceProvider services, Func<IServiceProvider, IFileStore> storeOf) =>
        new AbandonedUploadsCleanup(storeOf(services), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<AbandonedUploadsCleanup>>());

    public Task RunAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        if (store is LocalFileStore local && local.DeleteAbandonedUploads(clock.GetUtcNow().UtcDateTime - Age) is var deleted and > 0)
        {
            logger.LogInformation("Deleted {Count} abandoned upload file(s) under {Root}", deleted, local.Root);
        }
        return Task.CompletedTask;
    }
}
