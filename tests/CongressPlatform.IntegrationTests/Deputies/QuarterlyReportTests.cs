using System.Text.Json;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Features.Quarterly;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Deputies;

[Collection(PlatformCollection.Name)]
public sealed class QuarterlyReportTests(Platforms platforms)
{
    private const string Reports = "/api/deputies/quarterly-reports";
    private const string Letters = "/api/deputies/reminder-letters";

    /// <summary>Opens a .docx, validates it against the Office 2019 schema and returns its text and its East Asian fonts.</summary>
    private static (string Text, HashSet<string> Fonts) ReadDocx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).Select(e => e.Description).ToList();
        errors.Should().BeEmpty();
        var body = document.MainDocumentPart!.Document.Body!;
        var text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));
        var fonts = body.Descendants<RunFonts>().Select(f => f.EastAsia?.Value ?? "").ToHashSet();
        return (text, fonts);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_quarter_run_twice_makes_one_report_per_deputy_and_one_letter_per_lagging_deputy(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        // A street of its own: the demo streets have the demo deputies, who would get reports and letters of their own.
        var district = await factory.TenantAsync(Demo.District);
        var tenant = "q" + Guid.NewGuid().ToString("N")[..10];
        var created = await factory.As("admin", Demo.District, "system-admin").PostJsonAsync("/api/identity/tenants",
            new { parentId = district.Id, code = tenant, name = $"季度测试街道{tenant}", kind = "Street" });
        created.IsSuccessStatusCode.Should().BeTrue(await created.Content.ReadAsStringAsync());
        await factory.DispatchOutboxAsync();
        var staff = factory.As("staff-q-" + tenant, tenant, "staff");
        var activeUser = Guid.NewGuid();
        var laggingUser = Guid.NewGuid();
        var active = await DeputySeeding.DeputyAsync(factory, tenant, "积分高甲", userId: activeUser);
        var lagging = await DeputySeeding.DeputyAsync(factory, tenant, "积分低乙", userId: laggingUser);
        var uninvited = await DeputySeeding.DeputyAsync(factory, tenant, "未开通丙");
        for (var i = 0; i < 3; i++)
        {
            await DeputySeeding.RecordAsync(factory, tenant, active, DutyKind.InspectionJoined, new(2026, 7, 10 + i), $"南湖视察第{i + 1}次");
        }
        await DeputySeeding.RecordAsync(factory, tenant, active, DutyKind.StationDutyServed, new(2026, 8, 3), "南湖社区联络站进站");
        await DeputySeeding.RecordAsync(factory, tenant, active, DutyKind.StudyAttended, new(2026, 9, 1), "9月集中学习", DutyAttendance.Leave, "住院治疗");
        await DeputySeeding.RecordAsync(factory, tenant, lagging, DutyKind.StudyAttended, new(2026, 8, 1), "8月集中学习");
        await DeputySeeding.RecordAsync(factory, tenant, lagging, DutyKind.StudyAttended, new(2026, 10, 1), "10月集中学习(下季度)");

        var first = await (await staff.PostJsonAsync($"{Reports}/runs", new { year = 2026, quarter = 3 })).ReadAsync<JsonElement>();
        first.GetProperty("reportsCreated").GetInt32().Should().Be(3);
        first.GetProperty("lettersCreated").GetInt32().Should().Be(2);
        first.GetProperty("delivered").GetInt32().Should().Be(2);
        var second = await (await staff.PostJsonAsync($"{Reports}/runs", new { year = 2026, quarter = 3 })).ReadAsync<JsonElement>();
        second.GetProperty("reportsCreated").GetInt32().Should().Be(0);
        second.GetProperty("lettersCreated").GetInt32().Should().Be(0);

        // The scheduled job (the quarter that just ended: 2026-Q3 on 1 December) adds nothing either.
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunQuarterlyReportsCommand());
        }

        var reports = await (await staff.GetAsync($"{Reports}?year=2026&quarter=3")).ReadAsync<List<JsonElement>>();
        reports.Should().HaveCount(3);
        var top = reports.Single(r => r.GetProperty("deputyId").GetGuid() == active);
        top.GetProperty("totalPoints").GetInt32().Should().Be(13); // 3 inspections × 5 capped at 10, one station duty 3; the leave earns nothing
        top.GetProperty("rank").GetInt32().Should().Be(1);
        top.GetProperty("leaveCount").GetInt32().Should().Be(1);
        reports.Single(r => r.GetProperty("deputyId").GetGuid() == uninvited).GetProperty("delivered").GetBoolean().Should().BeFalse();

        var (text, fonts) = ReadDocx(await (await staff.GetAsync($"{Reports}/{top.GetProperty("id").GetGuid()}/document")).Content.ReadAsByteArrayAsync());
        text.Should().Contain("2026年第三季度代表履职档案").And.Contain("积分高甲").And.Contain("南湖视察第1次").And.Contain("住院治疗")
            .And.Contain("排名第 1 位").And.NotContain("下季度");
        fonts.Should().Contain("仿宋").And.Contain("宋体");

        var letters = await (await staff.GetAsync($"{Letters}?year=2026&quarter=3")).ReadAsync<List<JsonElement>>();
        letters.Select(l => l.GetProperty("deputyId").GetGuid()).Should().BeEquivalentTo([lagging, uninvited]);
        letters.Should().OnlyContain(l => l.GetProperty("status").GetString() == "Draft");
        var letter = letters.Single(l => l.GetProperty("deputyId").GetGuid() == lagging);
        letter.GetProperty("points").GetInt32().Should().Be(2);
        letter.GetProperty("threshold").GetInt32().Should().Be(10);
        var id = letter.GetProperty("id").GetGuid();

        // Nothing reaches the lagging deputy while the letter is a draft; the quarterly report did.
        var laggingClient = factory.As(laggingUser.ToString(), tenant, "deputy");
        var inbox = await (await laggingClient.GetAsync("/api/notifications/inbox-items?pageSize=50")).ReadAsync<JsonElement>();
        var titles = inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        titles.Should().Contain("2026年第三季度履职档案").And.NotContain(t => t!.StartsWith("温馨提示函"));
        (await (await laggingClient.GetAsync("/api/deputies/my-reports")).ReadAsync<JsonElement>()).GetProperty("letters").GetArrayLength().Should().Be(0);

        var edited = await (await staff.PutJsonAsync($"{Letters}/{id}", new
        {
            body = letter.GetProperty("body").GetString() + "\n如有困难,请与工委联系。", version = letter.GetProperty("version").GetGuid(),
        })).ReadAsync<JsonElement>();
        edited.GetProperty("updatedByName").GetString().Should().NotBeNullOrEmpty();
        var (letterText, letterFonts) = ReadDocx(await (await staff.GetAsync($"{Letters}/{id}/document")).Content.ReadAsByteArrayAsync());
        letterText.Should().Contain("温馨提示函").And.Contain("积分低乙代表").And.Contain("如有困难,请与工委联系。").And.Contain("低于本单位确定的季度最低标准 10 分");
        letterFonts.Should().Contain("仿宋");

        var sent = await (await staff.PostJsonAsync($"{Letters}/{id}/send", new { version = edited.GetProperty("version").GetGuid() })).ReadAsync<JsonElement>();
        sent.GetProperty("status").GetString().Should().Be("Sent");
        sent.GetProperty("sentAtUtc").ValueKind.Should().Be(JsonValueKind.String);
        sent.GetProperty("sentByName").GetString().Should().NotBeNullOrEmpty();
        (await (await staff.PostJsonAsync($"{Letters}/{id}/send", new { version = sent.GetProperty("version").GetGuid() })).ProblemAsync(422))
            .GetProperty("code").GetString().Should().Be("reminder_letter.sent");
        (await (await staff.PutJsonAsync($"{Letters}/{id}", new { body = "改", version = sent.GetProperty("version").GetGuid() })).ProblemAsync(422))
            .GetProperty("code").GetString().Should().Be("reminder_letter.sent");

        inbox = await (await laggingClient.GetAsync("/api/notifications/inbox-items?pageSize=50")).ReadAsync<JsonElement>();
        inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).Should().Contain("温馨提示函(2026年第三季度)");
        var mine = await (await laggingClient.GetAsync("/api/deputies/my-reports")).ReadAsync<JsonElement>();
        var myLetter = mine.GetProperty("letters").EnumerateArray().Single().GetProperty("id").GetGuid();
        ReadDocx(await (await laggingClient.GetAsync($"/api/deputies/my-reports/reminder-letters/{myLetter}/document")).Content.ReadAsByteArrayAsync())
            .Text.Should().Contain("如有困难");

        var uninvitedLetter = letters.Single(l => l.GetProperty("deputyId").GetGuid() == uninvited);
        (await (await staff.PostJsonAsync($"{Letters}/{uninvitedLetter.GetProperty("id").GetGuid()}/send", new { version = uninvitedLetter.GetProperty("version").GetGuid() }))
            .ProblemAsync(422)).GetProperty("code").GetString().Should().Be("reminder_letter.no_account");

        // A deputy reads only their own documents.
        var activeClient = factory.As(activeUser.ToString(), tenant, "deputy");
        var own = await (await activeClient.GetAsync("/api/deputies/my-reports")).ReadAsync<JsonElement>();
        var ownReport = own.GetProperty("reports").EnumerateArray().Single().GetProperty("id").GetGuid();
        (await activeClient.GetAsync($"/api/deputies/my-reports/quarterly-reports/{ownReport}/document")).IsSuccessStatusCode.Should().BeTrue();
        await (await activeClient.GetAsync($"/api/deputies/my-reports/reminder-letters/{myLetter}/document")).ProblemAsync(404);
        await (await activeClient.GetAsync($"{Reports}/{ownReport}/document")).ProblemAsync(403);
        await (await activeClient.PostJsonAsync($"{Reports}/runs", new { year = 2026, quarter = 3 })).ProblemAsync(403);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Quarters_not_over_are_refused_and_other_tenants_see_nothing(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-q-beitang", "beitang", "staff");
        var deputy = await DeputySeeding.DeputyAsync(factory, "beitang", "北塘代表");
        (await (await staff.PostJsonAsync($"{Reports}/runs", new { year = 2026, quarter = 4 })).ProblemAsync(422))
            .GetProperty("detail").GetString().Should().Contain("尚未结束");
        await (await staff.PostJsonAsync($"{Reports}/runs", new { year = 2026, quarter = 2 })).ReadAsync<JsonElement>();
        var report = (await (await staff.GetAsync($"{Reports}?year=2026&quarter=2")).ReadAsync<List<JsonElement>>())
            .Single(r => r.GetProperty("deputyId").GetGuid() == deputy);
        var letter = (await (await staff.GetAsync($"{Letters}?year=2026&quarter=2")).ReadAsync<List<JsonElement>>())
            .Single(l => l.GetProperty("deputyId").GetGuid() == deputy);

        var sibling = factory.As("staff-q-qingshan", "qingshan", "staff", "leader");
        (await (await sibling.GetAsync($"{Reports}?year=2026&quarter=2")).ReadAsync<List<JsonElement>>()).Should().NotContain(r => r.GetProperty("deputyId").GetGuid() == deputy);
        await (await sibling.GetAsync($"{Reports}/{report.GetProperty("id").GetGuid()}/document")).ProblemAsync(404);
        await (await sibling.GetAsync($"{Letters}/{letter.GetProperty("id").GetGuid()}")).ProblemAsync(404);
        await (await sibling.PostJsonAsync($"{Letters}/{letter.GetProperty("id").GetGuid()}/send", new { version = letter.GetProperty("version").GetGuid() })).ProblemAsync(404);
        await (await factory.As("admin-q", "beitang", "tenant-admin").PostJsonAsync($"{Letters}/{letter.GetProperty("id").GetGuid()}/send",
            new { version = letter.GetProperty("version").GetGuid() })).ProblemAsync(403);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_tenant_admin_sets_the_minimum_and_staff_may_not(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var admin = factory.As("admin-q-xinchang", Demo.Township, "tenant-admin");
        var settings = await (await admin.GetAsync("/api/deputies/quarterly-settings")).ReadAsync<JsonElement>();
        settings.GetProperty("minimumQuarterlyPoints").GetInt32().Should().Be(10);
        settings.GetProperty("isDefault").GetBoolean().Should().BeTrue();
        var changed = await (await admin.PutJsonAsync("/api/deputies/quarterly-settings", new { minimumQuarterlyPoints = 20, version = (Guid?)null })).ReadAsync<JsonElement>();
        changed.GetProperty("minimumQuarterlyPoints").GetInt32().Should().Be(20);
        (await (await admin.GetAsync("/api/deputies/quarterly-settings")).ReadAsync<JsonElement>()).GetProperty("minimumQuarterlyPoints").GetInt32().Should().Be(20);
        await (await admin.PutJsonAsync("/api/deputies/quarterly-settings", new { minimumQuarterlyPoints = 30, version = (Guid?)null })).ProblemAsync(409);
        await (await factory.As("staff-q-xinchang", Demo.Township, "staff").PutJsonAsync("/api/deputies/quarterly-settings",
            new { minimumQuarterlyPoints = 1, version = changed.GetProperty("version").GetGuid() })).ProblemAsync(403);
        (await (await factory.As("admin-q-other", "qingshan", "tenant-admin").GetAsync("/api/deputies/quarterly-settings")).ReadAsync<JsonElement>())
            .GetProperty("minimumQuarterlyPoints").GetInt32().Should().Be(10);
    }
}
