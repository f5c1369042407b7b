using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using CongressPlatform.BuildingBlocks.Exports;

namespace CongressPlatform.Benchmarks.Exports;

/// <summary>
/// 100,000 rows of six columns (number, Chinese text, decimal, time, date, text) written by the exports' two writers
/// to a file on disk, as the background worker does: time, allocations and the file's size (docs/performance.md, E).
/// </summary>
[MemoryDiagnoser]
public class ExportWriterBenchmarks
{
    private const int Rows = 100_000;

    private static readonly DateTime Start = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly ExportColumn[] Columns =
    [
        new("序号", ExportCellType.Number, 8),
        new("姓名", Width: 14),
        new("积分", ExportCellType.Number, 8),
        new("登记时间", ExportCellType.DateTime, 20),
        new("任期届满", ExportCellType.Date, 12),
        new("所在单位", Width: 24),
    ];

    private string _path = string.Empty;

    [GlobalSetup]
    public void Setup() => _path = Path.Combine(Path.GetTempPath(), $"export-bench-{Guid.NewGuid():N}");

    [GlobalCleanup]
    public void Cleanup()
    {
        // The file of the last iteration: its size goes with the figures (BenchmarkDotNet has no column for it).
        Console.WriteLine($"// export file size: {new FileInfo(_path).Length:N0} bytes");
        File.Delete(_path);
    }

    [Benchmark(Baseline = true)]
    public Task<long> Csv() => WriteAsync(new CsvExportWriter());

    [Benchmark]
    public Task<long> Xlsx() => WriteAsync(new XlsxExportWriter());

    private async Task<long> WriteAsync(IExportWriter writer)
    {
        await using var file = new FileStream(_path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
        await writer.WriteAsync(file, Columns, RowsAsync(), null, CancellationToken.None);
        return file.Length;
    }

    private static async IAsyncEnumerable<object?[]> RowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= Rows; i++)
        {
            if (i % 10_000 == 0)
            {
                await Task.Yield();
            }
            yield return [i, $"人大代表{i}号", i * 0.5m, Start.AddMinutes(i), new DateOnly(2027, 1, 1).AddDays(i % 365), "东柳街道人大工委"];
        }
    }
}
