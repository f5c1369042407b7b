using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CongressPlatform.BuildingBlocks.Attachments;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Attachments;

/// <summary>Files on a handling unit (the first owner): round trip, refused content, limits, tenants, permissions, delete.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AttachmentTests(Platforms platforms)
{
    private const string Api = "/api/platform/attachments";
    private const string Letter = "关于东柳街道的联系函(第1号).pdf";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];
    private static readonly byte[] Exe = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[200]];

    public sealed record AttachmentView(Guid Id, string OwnerType, Guid OwnerId, string FileName, string ContentType, long SizeBytes,
        string Sha256, Guid? UploadedBy, string UploadedByName, DateTime UploadedAtUtc, Guid Version);

    private static HttpClient Staff(PlatformFactory f) => f.As("staff-dongliu", Demo.Street, "staff");

    private static async Task<Guid> NewUnitAsync(PlatformFactory factory)
    {
        var unit = await (await Staff(factory).PostJsonAsync("/api/identity/handling-units",
            new { name = $"附件测试单位{Guid.NewGuid():N}"[..20], kind = "GovernmentDepartment", contactName = (string?)null, contactPhone = (string?)null }))
            .ReadAsync<UnitView>();
        return unit.Id;
    }

    private static MultipartFormDataContent Files(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            // What the client claims is ignored: the content decides.
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return form;
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string[] StoredFiles(PlatformFactory factory) =>
        Directory.Exists(factory.AttachmentsRoot)
            ? Directory.GetFiles(factory.AttachmentsRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [];

    private static async Task<int> RowsAsync(PlatformFactory factory, Guid ownerId)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AttachmentsDbContext>();
        return await db.Attachments.CountAsync(a => a.OwnerId == ownerId);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Files_are_uploaded_listed_and_downloaded_with_their_Chinese_names_and_hashes(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var unitId = await NewUnitAsync(factory);
        var staff = Staff(factory);

        var response = await staff.PostAsync($"{Api}/handling-units/{unitId}", Files((Letter, Pdf), ("现场照片.jpg", Jpeg)));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.ReadAsync<List<AttachmentView>>();
        created.Select(a => a.FileName).Should().Equal(Letter, "现场照片.jpg");
        created[0].Should().BeEquivalentTo(new { OwnerType = "handling-units", OwnerId = unitId, ContentType = "application/pdf", SizeBytes = Pdf.Length, Sha256 = Sha256(Pdf) });
        created[1].ContentType.Should().Be("image/jpeg");

        var list = await (await staff.GetAsync($"{Api}/handling-units/{unitId}")).ReadAsync<List<AttachmentView>>();
        list.Select(a => a.Id).Should().Equal(created.Select(a => a.Id));

        var download = await staff.GetAsync($"{Api}/{created[0].Id}/content");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        var disposition = download.Content.Headers.ContentDisposition!;
        disposition.DispositionType.Should().Be("attachment");
        download.Content.Headers.GetValues("Content-Disposition").Single()
            .Should().Contain("filename*=UTF-8''" + Uri.EscapeDataString(Letter).Replace("(", "%28").Replace(")", "%29"));
        disposition.FileNameStar.Should().Be(Letter);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Sha256(bytes).Should().Be(created[0].Sha256);
        bytes.Should().Equal(Pdf);

        // A supervisor of the district reads the street's files too (subtree), as it reads the unit.
        var supervisor = factory.As("li", Demo.District, "supervisor", "staff");
        (await (await supervisor.GetAsync($"{Api}/handling-units/{unitId}")).ReadAsync<List<AttachmentView>>()).Should().HaveCount(2);
        (await supervisor.GetAsync($"{Api}/{created[1].Id}/content")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_disguised_executable_or_a_mismatch_is_refused_with_a_reason_and_nothing_is_kept(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var unitId = await NewUnitAsync(factory);
        var staff = Staff(factory);
        var before = StoredFiles(factory);

        // A good file first, the disguised .exe second: all or nothing.
        var refused = await staff.PostAsync($"{Api}/handling-units/{unitId}", Files(("证明材料.pdf", Pdf), ("照片.jpg", Exe)));
        var problem = await refused.ProblemAsync(415);
        problem.GetProperty("code").GetString().Should().Be("attachment.executable");
        problem.GetProperty("detail").GetString().Should().Contain("照片.jpg").And.Contain("可执行文件");

        var mismatch = await staff.PostAsync($"{Api}/handling-units/{unitId}", Files(("联系函.pdf", Jpeg)));
        (await mismatch.ProblemAsync(415)).GetProperty("detail").GetString().Should().Contain("内容与扩展名不符");

        var notAllowed = await staff.PostAsync($"{Api}/handling-units/{unitId}", Files(("setup.exe", Pdf)));
        (await notAllowed.ProblemAsync(415)).GetProperty("code").GetString().Should().Be("attachment.type_not_allowed");

        var raw = new ByteArrayContent(Pdf);
        raw.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        (await (await staff.PostAsync($"{Api}/handling-units/{unitId}", raw)).ProblemAsync(415)).GetProperty("code").GetString().Should().Be("attachment.not_multipart");

        var empty = await staff.PostAsync($"{Api}/handling-units/{unitId}", new MultipartFormDataContent { { new StringContent("x"), "note" } });
        (await empty.ProblemAsync(400)).GetProperty("errors").GetProperty("files").GetArrayLength().Should().Be(1, await empty.Content.ReadAsStringAsync());

        StoredFiles(factory).Should().Equal(before);
        (await RowsAsync(factory, unitId)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_oversize_file_gets_413_and_leaves_nothing_on_disk_or_in_the_table(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var unitId = await NewUnitAsync(factory);
        var staff = Staff(factory);
        var before = StoredFiles(factory);

        // Just over Attachments:MaxBytes (1 MB in the tests): inside the body limit, stopped while streaming.
        var big = new byte[1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);
        var streamed = await staff.PostAsync($"{Api}/handling-units/{unitId}", Files(("大文件.pdf", big)));
        var problem = await streamed.ProblemAsync(413);
        problem.GetProperty("code").GetString().Should().Be("attachment.too_large");
        problem.GetProperty("detail").GetString().Should().Contain("大文件.pdf").And.Contain("1 MB");

        // Far over: refused from its Content-Length before a byte is read.
        var huge = new byte[3 * 1024 * 1024];
        Pdf.CopyTo(huge, 0);
        (await (await staff.PostAsync($"{Api}/handling-units/{unitId}", Files(("巨大.pdf", huge)))).ProblemAsync(413))
            .GetProperty("code").GetString().Should().Be("request.too_large");

        StoredFiles(factory).Should().Equal(before);
        (await RowsAsync(factory, unitId)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Another_street_neither_sees_nor_downloads_nor_changes_the_files(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var unitId = await NewUnitAsync(factory);
        var created = await (await Staff(factory).PostAsync($"{Api}/handling-units/{unitId}", Files((Letter, Pdf)))).ReadAsync<List<AttachmentView>>();
        var sibling = factory.As("staff-xiliu", Demo.Sibling, "staff", "tenant-admin");

        await (await sibling.GetAsync($"{Api}/handling-units/{unitId}")).ProblemAsync(404);
        await (await sibling.GetAsync($"{Api}/{created[0].Id}/content")).ProblemAsync(404);
        await (await sibling.PostAsync($"{Api}/handling-units/{unitId}", Files(("覆盖.pdf", Pdf)))).ProblemAsync(404);
        await (await sibling.DeleteAsync($"{Api}/{created[0].Id}")).ProblemAsync(404);
        (await RowsAsync(factory, unitId)).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_owners_permissions_decide_who_reads_and_who_changes(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var unitId = await NewUnitAsync(factory);
        var created = await (await Staff(factory).PostAsync($"{Api}/handling-units/{unitId}", Files((Letter, Pdf)))).ReadAsync<List<AttachmentView>>();

        // A deputy reads handling units (identity.handling-units.read) but may not change them (.update).
        var deputy = factory.As("deputy-li", Demo.Street, "deputy");
        (await (await deputy.GetAsync($"{Api}/handling-units/{unitId}")).ReadAsync<List<AttachmentView>>()).Should().ContainSingle();
        (await deputy.GetAsync($"{Api}/{created[0].Id}/content")).StatusCode.Should().Be(HttpStatusCode.OK);
        var upload = await (await deputy.PostAsync($"{Api}/handling-units/{unitId}", Files(("代表上传.pdf", Pdf)))).ProblemAsync(403);
        upload.GetProperty("detail").GetString().Should().Contain("identity.handling-units.update");
        await (await deputy.DeleteAsync($"{Api}/{created[0].Id}")).ProblemAsync(403);

        // A unit officer does not read the handling-unit directory at all.
        var officer = factory.As("officer", Demo.Street, "unit-officer");
        await (await officer.GetAsync($"{Api}/handling-units/{unitId}")).ProblemAsync(403);
        await (await officer.GetAsync($"{Api}/{created[0].Id}/content")).ProblemAsync(403);

        (await factory.CreateClient().GetAsync($"{Api}/handling-units/{unitId}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await Staff(factory).GetAsync($"{Api}/inspections/{unitId}")).ProblemAsync(404))
            .GetProperty("code").GetString().Should().Be("attachment.unknown_owner_type");
        await (await Staff(factory).GetAsync($"{Api}/handling-units/{Guid.NewGuid()}")).ProblemAsync(404);
        (await RowsAsync(factory, unitId)).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Staff_delete_a_file_and_its_content_goes_with_it(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var unitId = await NewUnitAsync(factory);
        var staff = Staff(factory);
        var before = StoredFiles(factory);
        var created = await (await staff.PostAsync($"{Api}/handling-units/{unitId}", Files(("待删除.jpg", Jpeg)))).ReadAsync<List<AttachmentView>>();
        StoredFiles(factory).Should().HaveCount(before.Length + 1);

        (await staff.DeleteAsync($"{Api}/{created[0].Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await staff.GetAsync($"{Api}/handling-units/{unitId}")).ReadAsync<List<AttachmentView>>()).Should().BeEmpty();
        await (await staff.GetAsync($"{Api}/{created[0].Id}/content")).ProblemAsync(404);
        await (await staff.DeleteAsync($"{Api}/{created[0].Id}")).ProblemAsync(404);
        StoredFiles(factory).Should().Equal(before);
    }
}
