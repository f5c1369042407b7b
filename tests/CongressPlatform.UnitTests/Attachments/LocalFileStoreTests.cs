using System.Text;
using CongressPlatform.BuildingBlocks.Attachments;
using CongressPlatform.BuildingBlocks.Exports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CongressPlatform.UnitTests.Attachments;

public sealed class LocalFileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "congress-unit", Guid.NewGuid().ToString("N"));

    private LocalFileStore Store() => new(Options.Create(new AttachmentOptions { Root = _root }), new Environment());

    [Fact]
    public async Task Uploads_abandoned_by_a_dead_process_are_deleted_at_start_once_an_hour_old_and_nothing_else()
    {
        var store = Store();
        var exportsRoot = Path.Combine(_root, "exports");
        var exports = new ExportFiles(Options.Create(new ExportOptions { Root = exportsRoot }), new Environment());
        var now = new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc);
        string Part(string root, string name, TimeSpan age)
        {
            var path = Path.Combine(root, ".tmp", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "part");
            File.SetLastWriteTimeUtc(path, now - age);
            return path;
        }
        var abandoned = Part(_root, "a.part", TimeSpan.FromHours(3));
        var abandonedExport = Part(exportsRoot, "b.part", TimeSpan.FromDays(2));
        var recent = Part(_root, "c.part", TimeSpan.FromMinutes(20));
        var other = Part(_root, "notes.txt", TimeSpan.FromDays(5));
        var key = AttachmentKeys.For(Guid.CreateVersion7(), now);
        await using (var upload = await store.BeginAsync(CancellationToken.None))
        {
            await upload.Content.WriteAsync(Encoding.UTF8.GetBytes("已提交"));
            await upload.CommitAsync(key, CancellationToken.None);
        }
        File.SetLastWriteTimeUtc(Path.Combine(_root, key), now - TimeSpan.FromDays(30));

        foreach (var cleanup in new[] { store, exports.Store }.Select(s => new AbandonedUploadsCleanup(s, new FixedClock(now), NullLogger<AbandonedUploadsCleanup>.Instance)))
        {
            await cleanup.RunAsync(null!, CancellationToken.None);
        }

        File.Exists(abandoned).Should().BeFalse();
        File.Exists(abandonedExport).Should().BeFalse("the exports' store is cleaned too");
        File.Exists(recent).Should().BeTrue("another node may still be writing it");
        File.Exists(other).Should().BeTrue("only upload parts are touched");
        (await store.OpenReadAsync(key, CancellationToken.None)).Should().NotBeNull("committed files are never touched").And.Subject!.Dispose();
        store.DeleteAbandonedUploads(now).Should().Be(1, "the recent part is older than now");
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }

    [Fact]
    public async Task A_file_is_invisible_until_committed_then_moved_into_place()
    {
        var store = Store();
        var key = AttachmentKeys.For(Guid.CreateVersion7(), new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        key.Should().MatchRegex("^2026/12/[0-9a-f]{32}$");
        await using (var upload = await store.BeginAsync(CancellationToken.None))
        {
            await upload.Content.WriteAsync(Encoding.UTF8.GetBytes("联系函"));
            await upload.Content.FlushAsync();
            (await store.OpenReadAsync(key, CancellationToken.None)).Should().BeNull();
            using (var written = upload.OpenWritten())
            {
                written.Length.Should().Be(9);
            }
            await upload.CommitAsync(key, CancellationToken.None);
        }
        await using (var read = (await store.OpenReadAsync(key, CancellationToken.None))!)
        {
            new StreamReader(read).ReadToEnd().Should().Be("联系函");
        }
        Directory.GetFiles(Path.Combine(_root, ".tmp")).Should().BeEmpty();
        await store.DeleteAsync(key, CancellationToken.None);
        (await store.OpenReadAsync(key, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task An_upload_disposed_without_commit_leaves_nothing()
    {
        var store = Store();
        await using (var upload = await store.BeginAsync(CancellationToken.None))
        {
            await upload.Content.WriteAsync(new byte[1000]);
        }
        Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("2026/12/../../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("2026/12/ABCDEF")]
    public async Task Only_platform_made_keys_name_a_file(string key)
    {
        var act = () => Store().OpenReadAsync(key, CancellationToken.None);
        await act.Should().ThrowAsync<ArgumentException>();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
