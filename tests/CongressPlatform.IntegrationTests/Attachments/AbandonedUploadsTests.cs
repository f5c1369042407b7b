using System.Net;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Attachments;

/// <summary>The host's start deletes upload parts a dead process left, in the attachments' and the exports' folders.</summary>
public sealed class AbandonedUploadsTests
{
    [Fact]
    public async Task A_start_deletes_the_hour_old_parts_of_both_stores_and_keeps_the_recent_ones()
    {
        var exportsRoot = Path.Combine(Path.GetTempPath(), "congress-tests", $"exports-{Guid.NewGuid():N}");
        try
        {
            await using var factory = new PlatformFactory(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?>
            {
                ["Exports:Root"] = exportsRoot,
            });
            string Part(string root, TimeSpan age)
            {
                var path = Path.Combine(root, ".tmp", $"{Guid.NewGuid():N}.part");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "half an upload");
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow - age);
                return path;
            }
            var attachment = Part(factory.AttachmentsRoot, TimeSpan.FromHours(5));
            var export = Part(exportsRoot, TimeSpan.FromHours(5));
            var recent = Part(factory.AttachmentsRoot, TimeSpan.FromMinutes(5));

            (await factory.CreateClient().GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);

            File.Exists(attachment).Should().BeFalse("the attachments' store is cleaned at start");
            File.Exists(export).Should().BeFalse("the exports' store is cleaned at start");
            File.Exists(recent).Should().BeTrue("another node may still be writing it");
        }
        finally
        {
            if (Directory.Exists(exportsRoot))
            {
                Directory.Delete(exportsRoot, recursive: true);
            }
        }
    }
}
