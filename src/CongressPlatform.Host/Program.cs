using CongressPlatform.BuildingBlocks.Hosting;
using CongressPlatform.BuildingBlocks.Modules;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform(Modules.All);
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "CongressPlatform API(基层人大工作平台)";
    document.Info.Version = "v1";
    // No server list: clients call the origin they were served from, and the document is the same whoever fetches it.
    document.Servers = [];
    return Task.CompletedTask;
}));

var app = builder.Build();
app.UsePlatform(Modules.All);
app.MapOpenApi("/openapi/{documentName}.json").AllowPublic("The API description holds no data");
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "CongressPlatform v1");
    o.RoutePrefix = "swagger";
    o.DocumentTitle = "CongressPlatform API";
});
app.UseSpa();

if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
{
    await app.Services.MigrateModulesAsync();
}
await app.Services.RunStartupTasksAsync();
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"基层人大工作平台已启动 / CongressPlatform is running: {url}  (API: {url}/swagger)");
    }
});
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
