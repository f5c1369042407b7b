using System.Globalization;
using System.Net;
using System.Text;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Exports;
using CongressPlatform.BuildingBlocks.Exports.Features;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Exports;

/// <summary>Exports end to end: background xlsx of 100,000 rows, CSV, permissions, privacy, tenants, restarts, expiry.</summary>
public sealed class ExportTests(ExportPlatforms platforms) : IClassFixture<ExportPlatforms>
{
    private const string Api = "/api/platform/exports";

    public sealed record ExportView(Guid Id, string Source, string Title, string Format, string Status, int TotalRows, int RowsWritten,
        long? SizeBytes, string? FileName, string? Error, DateTime CreatedAtUtc, DateTime? CompletedAtUtc, DateTime? ExpiresAtUtc);

    private static HttpClient Staff(PlatformFactory f, string user = "staff-dongliu") => f.As(user, Demo.Street, "staff");

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, string source, string format, object? filter) =>
        client.PostJsonAsync(Api, new { source, format, filter });

    private static async Task<ExportView> WaitAsync(HttpClient client, Guid id, Func<ExportView, bool>? until = null)
    {
        until ??= e => e.Status is "Completed" or "Failed";
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var job = await (await client.GetAsync($"{Api}/{id}")).ReadAsync<ExportView>();
            if (until(job))
            {
                return job;
            }
            DateTime.UtcNow.Should().BeBefore(deadline, $"export {id} should get there (now {job.Status}, {job.RowsWritten} rows)");
            await Task.Delay(200);
        }
    }

    public sealed record NoticeView(Guid Id, string Category, string Title, string Body, string? Link);

    private sealed record NoticePage(List<NoticeView> Items);

    /// <summary>The notices in the caller's inbox about the file of this name.</summary>
    private static async Task<List<NoticeView>> NoticesAsync(HttpClient client, string fileName) =>
        (await (await client.GetAsync("/api/notifications/inbox-items?pageSize=100")).ReadAsync<NoticePage>()).Items
        .Where(n => n.Body.Contains(fileName, StringComparison.Ordinal)).ToList();

    /// <summary>The notices about the file once there is one: the worker notifies just after it marks the job completed.</summary>
    private static async Task<List<NoticeView>> NoticesOnceSentAsync(HttpClient client, string fileName)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var notices = await NoticesAsync(client, fileName);
            if (notices.Count > 0 || DateTime.UtcNow > deadline)
            {
                return notices;
            }
            await Task.Delay(100);
        }
    }

    private static async Task<int> JobCountAsync(PlatformFactory factory)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<ExportsDbContext>().Jobs.CountAsync();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_export_of_100000_rows_runs_in_the_background_and_opens_as_a_valid_workbook(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = Staff(factory);

        var response = await StartAsync(staff, GeneratedRowsSource.SourceName, "xlsx", new { rows = 100_000 });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var queued = await response.ReadAsync<ExportView>();
        queued.Should().BeEquivalentTo(new { Status = "Queued", TotalRows = 100_000, RowsWritten = 0, Title = "测试数据", Format = "Xlsx" });
        response.Headers.Location!.ToString().Should().Be($"{Api}/{queued.Id}");

        var done = await WaitAsync(staff, queued.Id);
        done.Status.Should().Be("Completed", done.Error);
        done.RowsWritten.Should().Be(100_000);
        done.FileName.Should().StartWith("测试数据-").And.EndWith(".xlsx");
        done.ExpiresAtUtc.Should().BeCloseTo(done.CompletedAtUtc!.Value.AddDays(7), TimeSpan.FromSeconds(1));

        var download = await staff.GetAsync($"{Api}/{queued.Id}/content");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        download.Content.Headers.ContentDisposition!.FileNameStar.Should().Be(done.FileName);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        bytes.LongLength.Should().Be(done.SizeBytes);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").Should().BeEmpty();
        var rows = ReadRows(document, keep: 3, out var count);
        count.Should().Be(100_001);
        rows[0].Should().Equal("序号", "姓名", "积分", "登记时间", "任期届满", "备注");
        rows[2][0].Should().Be("2");
        rows[2][1].Should().Be("人大代表2号");
        double.Parse(rows[2][2], CultureInfo.InvariantCulture).Should().Be(1.0, "a number cell");
        // 00:02 UTC is 08:02 in Beijing.
        DateTime.FromOADate(double.Parse(rows[2][3], CultureInfo.InvariantCulture)).Should().BeCloseTo(new DateTime(2026, 12, 1, 8, 2, 0), TimeSpan.FromMilliseconds(1));
        DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(rows[2][4], CultureInfo.InvariantCulture))).Should().Be(new DateOnly(2027, 1, 3));
        rows[2][5].Should().Be("=备注2", "an inline string, never a formula");

        // The real notifications service: one notice in the requester's inbox, linking to 我的导出.
        var notice = (await NoticesOnceSentAsync(staff, done.FileName!)).Should().ContainSingle().Subject;
        notice.Should().BeEquivalentTo(new { Category = "exports.completed", Link = "/system/exports", Title = "导出完成:测试数据" });
    }

    /// <summary>Every cell of the first <paramref name="keep"/> rows (inline text or value), read with the SDK's SAX reader; counts all rows.</summary>
    private static List<List<string>> ReadRows(SpreadsheetDocument document, int keep, out int count)
    {
        var rows = new List<List<string>>();
        count = 0;
        using var reader = OpenXmlReader.Create(document.WorkbookPart!.WorksheetParts.Single());
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                if (count++ < keep)
                {
                    var row = (Row)reader.LoadCurrentElement()!;
                    rows.Add(row.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToList());
                }
            }
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_small_csv_is_written_within_the_request_starts_with_the_bom_and_parses_back(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = Staff(factory);

        var response = await StartAsync(staff, GeneratedRowsSource.SourceName, "Csv", new { rows = ExportPlatforms.InlineMaxRows });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var job = await response.ReadAsync<ExportView>();
        job.Status.Should().Be("Completed");

        var download = await staff.GetAsync($"{Api}/{job.Id}/content");
        download.Content.Headers.ContentType!.ToString().Should().Be("text/csv; charset=utf-8");
        var bytes = await download.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Should().StartWith("序号,姓名,积分,登记时间,任期届满,备注\r\n1,人大代表1号,0.5,2026-12-01 08:01:00,2027-01-02,'=备注1\r\n");

        using var reader = CsvReader.Create(new MemoryStream(bytes), CsvReaderOptions.Default with { Separator = ',' });
        var parsed = new List<string>();
        while (reader.Read())
        {
            parsed.Add(reader.GetString(1));
        }
        parsed.Should().HaveCount(ExportPlatforms.InlineMaxRows).And.StartWith("人大代表1号");
        (await NoticesAsync(staff, job.FileName!)).Should().BeEmpty("a file handed over within the request needs no notice");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_list_the_user_may_not_read_is_refused_and_no_job_is_made(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var deputy = factory.As("deputy-export", Demo.Street, "deputy");
        var before = await JobCountAsync(factory);

        var problem = await (await StartAsync(deputy, "identity.users", "Xlsx", null)).ProblemAsync(403);
        problem.GetProperty("detail").GetString().Should().Contain("identity.users.read").And.Contain("您没有导出此数据的权限");

        (await JobCountAsync(factory)).Should().Be(before);
        (await (await deputy.GetAsync(Api)).ReadAsync<Paged<ExportView>>()).Total.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Bad_requests_answer_Chinese_problems_and_change_nothing(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin-export", Demo.Street, "tenant-admin");
        var before = await JobCountAsync(factory);

        (await (await StartAsync(admin, "identity.nothing", "Xlsx", null)).ProblemAsync(404))
            .GetProperty("code").GetString().Should().Be("export.unknown_source");
        (await (await admin.PostAsync(Api, Http.RawJson("""{"source":"identity.users","format":"pdf"}"""))).ProblemAsync(400))
            .GetProperty("detail").GetString().Should().MatchRegex("[\u4e00-\u9fa5]");
        (await (await admin.PostAsync(Api, Http.RawJson("""{"source":"identity.users","format":"Xlsx","filter":[1]}"""))).ProblemAsync(400))
            .GetProperty("errors").GetProperty("filter")[0].GetString().Should().Be("筛选条件须为 JSON 对象。");
        (await (await StartAsync(admin, "identity.users", "Xlsx", new { tenantId = 5 })).ProblemAsync(400))
            .GetProperty("errors").GetProperty("filter.tenantId")[0].GetString().Should().Be("筛选条件 tenantId 须为有效的编号。");
        (await (await admin.GetAsync($"{Api}/{Guid.NewGuid()}/content")).ProblemAsync(404)).GetProperty("detail").GetString().Should().Contain("未找到");

        (await JobCountAsync(factory)).Should().Be(before);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Another_user_can_neither_see_nor_download_nor_delete_your_export(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var mine = Staff(factory, "staff-owner");
        var other = Staff(factory, "staff-other");
        var job = await (await StartAsync(mine, GeneratedRowsSource.SourceName, "Xlsx", new { rows = 5 })).ReadAsync<ExportView>();

        (await other.GetAsync($"{Api}/{job.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync($"{Api}/{job.Id}/content")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.DeleteAsync($"{Api}/{job.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await other.GetAsync(Api)).ReadAsync<Paged<ExportView>>()).Items.Should().NotContain(e => e.Id == job.Id);
        (await (await mine.GetAsync(Api)).ReadAsync<Paged<ExportView>>()).Items.Should().Contain(e => e.Id == job.Id);
        (await mine.GetAsync($"{Api}/{job.Id}/content")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_background_export_sees_only_what_the_user_sees_in_their_tenant(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var marker = $"导出{Guid.NewGuid():N}"[..12];
        var street = factory.As("staff-dongliu", Demo.Street, "staff");
        var sibling = factory.As("staff-xiliu", Demo.Sibling, "staff");
        for (var i = 0; i < ExportPlatforms.InlineMaxRows + 1; i++)
        {
            await (await street.PostJsonAsync("/api/identity/handling-units", new { name = $"{marker}东{i:D2}", kind = "StreetOffice", contactName = (string?)null, contactPhone = "0772-1234567" })).ReadAsync<UnitView>();
        }
        await (await sibling.PostJsonAsync("/api/identity/handling-units", new { name = $"{marker}西", kind = "StreetOffice", contactName = (string?)null, contactPhone = (string?)null })).ReadAsync<UnitView>();

        var response = await StartAsync(street, "identity.handling-units", "Xlsx", new { search = marker });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, "more rows than the inline limit go to the background");
        var done = await WaitAsync(street, (await response.ReadAsync<ExportView>()).Id);
        done.Status.Should().Be("Completed", done.Error);
        done.RowsWritten.Should().Be(ExportPlatforms.InlineMaxRows + 1);

        var bytes = await (await street.GetAsync($"{Api}/{done.Id}/content")).Content.ReadAsByteArrayAsync();
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = ReadRows(document, keep: 100, out var count);
        count.Should().Be(ExportPlatforms.InlineMaxRows + 2);
        var streetName = (await factory.TenantAsync(Demo.Street)).Name;
        rows.Skip(1).Should().OnlyContain(r => r[0] == streetName && r[1].StartsWith(marker + "东") && r[2] == "街道办事处" && r[4] == "0772-1234567");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Deleting_removes_the_row_and_the_file_and_expired_exports_are_cleaned_up(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = Staff(factory, "staff-cleaner");
        var first = await (await StartAsync(staff, GeneratedRowsSource.SourceName, "Csv", new { rows = 3 })).ReadAsync<ExportView>();
        var second = await (await StartAsync(staff, GeneratedRowsSource.SourceName, "Csv", new { rows = 3 })).ReadAsync<ExportView>();
        var files = Directory.GetFiles(platforms.Root, "*", SearchOption.AllDirectories);
        files.Should().Contain(f => f.EndsWith(first.Id.ToString("N"), StringComparison.Ordinal));

        (await staff.DeleteAsync($"{Api}/{first.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await staff.GetAsync($"{Api}/{first.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Directory.GetFiles(platforms.Root, "*", SearchOption.AllDirectories).Should().NotContain(f => f.EndsWith(first.Id.ToString("N"), StringComparison.Ordinal));

        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExportsDbContext>();
            await db.Jobs.Where(j => j.Id == second.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1)));
            (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CleanupExpiredExportsCommand())).Should().BeGreaterThanOrEqualTo(1);
        }
        (await staff.GetAsync($"{Api}/{second.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Directory.GetFiles(platforms.Root, "*", SearchOption.AllDirectories).Should().NotContain(f => f.EndsWith(second.Id.ToString("N"), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_export_interrupted_by_a_stop_completes_after_the_restart(DatabaseProvider provider)
    {
        var connection = PlatformFactory.NewDatabase(provider);
        var root = Path.Combine(platforms.Root, "restart");
        try
        {
            Guid id;
            await using (var first = new PlatformFactory(provider, connection, ExportPlatforms.Settings(root, leaseSeconds: 2), ExportPlatforms.AddTestServices))
            {
                var staff = Staff(first);
                var job = await (await StartAsync(staff, GeneratedRowsSource.SourceName, "Xlsx", new { rows = 30_000, pauseMs = 150 })).ReadAsync<ExportView>();
                id = job.Id;
                await WaitAsync(staff, id, e => e.RowsWritten >= 5000);
            }

            using (var scope = await SnapshotScopeAsync(provider, connection, root))
            {
                var row = await scope.Db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
                row.Status.Should().Be(ExportStatus.Running, "the stop left it unfinished");
            }

            await using var second = new PlatformFactory(provider, connection, ExportPlatforms.Settings(root, leaseSeconds: 2), ExportPlatforms.AddTestServices);
            var again = Staff(second);
            var done = await WaitAsync(again, id);
            done.Status.Should().Be("Completed", done.Error);
            done.RowsWritten.Should().Be(30_000);
            using var document = SpreadsheetDocument.Open(new MemoryStream(await (await again.GetAsync($"{Api}/{id}/content")).Content.ReadAsByteArrayAsync()), false);
            ReadRows(document, keep: 0, out var count);
            count.Should().Be(30_001);
            (await NoticesOnceSentAsync(again, done.FileName!)).Should().ContainSingle();
        }
        finally
        {
            await PlatformFactory.DropDatabaseAsync(provider, connection);
        }
    }

    /// <summary>A look at the database between the two hosts, through a third host that does not run the worker.</summary>
    private static async Task<Snapshot> SnapshotScopeAsync(DatabaseProvider provider, string connection, string root)
    {
        var settings = ExportPlatforms.Settings(root, 2);
        settings["Exports:WorkerEnabled"] = "false";
        var factory = new PlatformFactory(provider, connection, settings, ExportPlatforms.AddTestServices);
        _ = factory.Server;
        var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        return new Snapshot(factory, scope);
    }

    private sealed class Snapshot(PlatformFactory factory, IServiceScope scope) : IDisposable
    {
        public ExportsDbContext Db => scope.ServiceProvider.GetRequiredService<ExportsDbContext>();

        public void Dispose()
        {
            scope.Dispose();
            factory.Dispose();
        }
    }
}
