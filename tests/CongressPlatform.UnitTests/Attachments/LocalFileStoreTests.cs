using System.Text;
using CongressPlatform.BuildingBlocks.Attachments;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CongressPlatform.UnitTests.Attachments;

public sealed class LocalFileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "congress-unit", Guid.NewGuid().ToString("N"));

    private LocalFileStore Store() => new(Options.Create(new AttachmentOptions { Root = _root }), new Environment());

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
