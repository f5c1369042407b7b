using System.Text.Json.Nodes;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Platform;

/// <summary>
/// The web client's API types are generated from <c>client/openapi.json</c> (ARCHITECTURE rule 10): that snapshot
/// must be the host's OpenAPI document, or the client is compiled against an API that no longer exists.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenApiSnapshotTests(Platforms platforms)
{
    [Fact]
    public async Task The_clients_snapshot_is_the_hosts_OpenAPI_document()
    {
        var factory = await platforms.GetAsync(DatabaseProvider.Sqlite);
        var served = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CongressPlatform.sln")))
        {
            root = root.Parent;
        }
        var snapshotPath = Path.Combine(root!.FullName, "client", "openapi.json");
        File.Exists(snapshotPath).Should().BeTrue("the client keeps a snapshot of the API description");
        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(snapshotPath));
        JsonNode.DeepEquals(served, snapshot).Should().BeTrue(
            "client/openapi.json is stale: with the host running, `npm --prefix client run fetch:api && npm --prefix client run gen:api`, then commit both");
    }
}
