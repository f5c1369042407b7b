using System.Runtime.CompilerServices;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Identity.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Exports;

/// <summary>
/// A test-only list of generated rows (<c>tests.generated</c>): <c>{"rows": n, "pauseMs": p}</c> yields n rows with
/// Chinese text, numbers, times and dates, pausing p ms every 1,000 rows (to stop a host in the middle of one).
/// </summary>
internal sealed class GeneratedRowsSource : IExportSource
{
    public const string SourceName = "tests.generated";

    public static readonly DateTime Start = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    public string Name => SourceName;

    public string Permission => IdentityPermissions.HandlingUnitsRead;

    public string Title => "测试数据";

    public IReadOnlyList<ExportColumn> Columns { get; } =
    [
        new("序号", ExportCellType.Number, 8),
        new("姓名", Width: 14),
        new("积分", ExportCellType.Number, 8),
        new("登记时间", ExportCellType.DateTime, 20),
        new("任期届满", ExportCellType.Date, 12),
        new("备注", Width: 20),
    ];

    public Task<int> CountAsync(JsonElement filter, CancellationToken cancellationToken) =>
        Task.FromResult(filter.GetProperty("rows").GetInt32());

    public async IAsyncEnumerable<object?[]> RowsAsync(JsonElement filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = filter.GetProperty("rows").GetInt32();
        var pause = filter.TryGetProperty("pauseMs", out var p) ? p.GetInt32() : 0;
        for (var i = 1; i <= rows; i++)
        {
            if (pause > 0 && i % 1000 == 0)
            {
                await Task.Delay(pause, cancellationToken);
            }
            yield return [i, $"人大代表{i}号", i * 0.5m, Start.AddMinutes(i), new DateOnly(2027, 1, 1).AddDays(i % 365), $"=备注{i}"];
        }
    }
}

/// <summary>One host per provider with the generated source and a small inline threshold (20 rows).</summary>
public sealed class ExportPlatforms : IAsyncLifetime
{
    public const int InlineMaxRows = 20;

    private readonly Platforms _platforms;

    public ExportPlatforms() =>
        _platforms = new Platforms(p => new PlatformFactory(p, settings: Settings(Root, 30), configureServices: AddTestServices));

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "congress-tests", $"exports-{Guid.NewGuid():N}");

    public static Dictionary<string, string?> Settings(string root, int leaseSeconds) => new()
    {
        ["Exports:Root"] = root,
        ["Exports:InlineMaxRows"] = InlineMaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Exports:PollSeconds"] = "1",
        ["Exports:LeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static void AddTestServices(IServiceCollection services)
    {
        services.AddExportSource<GeneratedRowsSource>();
    }

    public Task<PlatformFactory> GetAsync(DatabaseProvider provider) => _platforms.GetAsync(provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _platforms.DisposeAsync();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
