using System.Net;
using System.Text;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static CongressPlatform.IntegrationTests.Deputies.RegistryWorld;

namespace CongressPlatform.IntegrationTests.Deputies;

/// <summary>The registry's import (all or nothing, with a row-by-row report), its template and the export of the list.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryImportTests(Platforms platforms)
{
    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_file_with_any_bad_row_imports_nothing_and_reports_each_problem_by_row_and_column(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("imp-staff-dongliu", Demo.Street, "staff");
        var good = Name();
        var dup = Mobile();
        var csv = Csv(true,
            Row(good, Mobile()),
            Row(Name(), "1234", gender: "男性"),
            Row(Name(), dup, level: "街道", term: "第十七届"),
            Row(Name(), dup, elected: "2021-13-45"),
            Row(Name(), Mobile(), email: "bad@", byElection: "也许"));

        var problem = await (await staff.PostAsync($"{Api}/import", File("代表名册.csv", csv))).ProblemAsync(422);
        problem.GetProperty("code").GetString().Should().Be("deputies.import_invalid");
        problem.GetProperty("detail").GetString().Should().Contain("未导入任何数据");
        var rows = problem.GetProperty("rows").EnumerateArray()
            .Select(r => (Row: r.GetProperty("row").GetInt32(), Column: r.GetProperty("column").GetString(), Message: r.GetProperty("message").GetString()!))
            .ToList();
        rows.Should().Contain(r => r.Row == 3 && r.Column == "手机号" && r.Message.Contains("11 位数字"));
        rows.Should().Contain(r => r.Row == 3 && r.Column == "性别" && r.Message.Contains("男性"));
        rows.Should().Contain(r => r.Row == 4 && r.Column == "代表层级" && r.Message.Contains("街道"));
        rows.Should().Contain(r => r.Row == 5 && r.Column == "当选日期");
        rows.Should().Contain(r => r.Row == 6 && r.Column == "电子邮箱");
        rows.Should().Contain(r => r.Row == 6 && r.Column == "是否补选");
        rows.Should().NotContain(r => r.Row == 2, "the good row has no problem");

        // The audit log says it was refused, and why — not that an import succeeded.
        var audit = await (await factory.As("auditor-imp", Demo.Street, "audit-admin")
            .GetAsync("/api/platform/audit-entries?userName=imp-staff-dongliu&action=deputies.import-deputies")).ReadAsync<JsonElement>();
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        entries.Should().NotBeEmpty();
        entries.Should().OnlyContain(e => e.GetProperty("outcome").GetString() == "refused" && e.GetProperty("errorCode").GetString() == "deputies.import_invalid");

        (await ListAsync(staff, $"search={Uri.EscapeDataString(good)}")).Total.Should().Be(0, "nothing is imported when any row is bad");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_valid_file_imports_every_row_and_a_person_already_registered_gets_a_seat_not_a_second_file(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("imp-staff-nanhu", "nanhu", "staff");
        var township = factory.As("imp-staff-qingshan", "qingshan", "staff");
        var supervisor = factory.As("imp-supervisor", Demo.District, "staff", "supervisor");
        var (a, b, c) = (Name(), Name(), Name());
        var (ma, mb, mc) = (Mobile(), Mobile(), Mobile());

        // Without a byte-order mark; the same person twice in one file with two seats is one person.
        var first = await (await staff.PostAsync($"{Api}/import", File("名册.csv",
            Csv(false, Row(a, ma), Row(b, mb, gender: "男", byElection: "是"), Row(b, mb, level: "市", term: "16"))))).ReadAsync<ImportResultView>();
        first.Should().BeEquivalentTo(new ImportResultView(3, 2, 3));
        var imported = (await ListAsync(staff, $"search={Uri.EscapeDataString(b)}")).Items.Should().ContainSingle().Subject;
        imported.Seats.Select(s => (s.Level, s.Term, s.ByElection)).Should().BeEquivalentTo([("District", 17, true), ("City", 16, false)]);

        // The same file again: the seats exist, so nothing is imported.
        var again = await (await staff.PostAsync($"{Api}/import", File("名册.csv",
            Csv(false, Row(a, ma), Row(b, mb, gender: "男", byElection: "是"), Row(b, mb, level: "市", term: "16"))))).ProblemAsync(422);
        again.GetProperty("rows").GetArrayLength().Should().Be(3);

        // Another tenant imports a person already registered: a new seat on the same file, as an .xlsx.
        var second = await (await township.PostAsync($"{Api}/import", File("青山镇代表.xlsx",
            Xlsx(Row(a, ma, level: "乡镇", term: "18", elected: "2021/11/18"), Row(c, mc, level: "镇", term: "十八"))))).ReadAsync<ImportResultView>();
        second.Should().BeEquivalentTo(new ImportResultView(2, 1, 2));
        var person = (await ListAsync(supervisor, $"search={ma}")).Items.Should().ContainSingle().Subject;
        person.Seats.Select(s => s.TenantName).Should().BeEquivalentTo(["南湖街道人大工委", "青山镇人大主席团"]);
        (await ListAsync(supervisor, $"search={Uri.EscapeDataString(c)}")).Items.Single().Seats.Single().Term.Should().Be(18);

        // The same mobile under another name in the file is refused with the registry's person.
        var conflict = await (await township.PostAsync($"{Api}/import", File("x.csv", Csv(true, Row(Name(), mb))))).ProblemAsync(422);
        conflict.GetProperty("rows")[0].GetProperty("message").GetString().Should().Contain("姓名不同");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Unreadable_files_are_refused_in_Chinese(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("imp-staff-bad", Demo.Street, "staff");

        (await (await staff.PostAsync($"{Api}/import", File("名册.txt", Encoding.UTF8.GetBytes("x")))).ProblemAsync(422))
            .GetProperty("detail").GetString().Should().Contain(".xlsx 或 .csv");
        (await (await staff.PostAsync($"{Api}/import", File("名册.xlsx", Encoding.UTF8.GetBytes("not a zip")))).ProblemAsync(422))
            .GetProperty("code").GetString().Should().Be("deputies.import_unreadable");
        (await (await staff.PostAsync($"{Api}/import", File("名册.csv", [0xd0, 0xfa, 0xc3, 0xfb]))).ProblemAsync(422))
            .GetProperty("detail").GetString().Should().Contain("UTF-8");
        var missing = await (await staff.PostAsync($"{Api}/import", File("名册.csv", Encoding.UTF8.GetBytes("姓名,性别\r\n张三,男\r\n")))).ProblemAsync(422);
        missing.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("column").GetString()).Should().Contain(["手机号", "代表层级"]);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_template_has_the_Chinese_headers_and_the_export_follows_the_list_filter_with_masked_mobiles(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("imp-staff-template", Demo.Street, "staff");

        var csv = await staff.GetAsync($"{Api}/import-template?format=Csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Should().Be(RegistryWorld.Header + "\r\n");
        var xlsx = await (await staff.GetAsync($"{Api}/import-template")).Content.ReadAsByteArrayAsync();
        using (var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).Should().Equal("代表名册", "填写说明");
        }

        var name = Name();
        var mobile = Mobile();
        await RegisterAsync(staff, name, mobile);
        var start = await staff.PostJsonAsync("/api/platform/exports", new { source = "deputies.deputies", format = "Csv", filter = new { search = name, level = "District" } });
        start.StatusCode.Should().Be(HttpStatusCode.Created, await start.Content.ReadAsStringAsync());
        var job = await start.ReadAsync<JsonElement>();
        job.GetProperty("totalRows").GetInt32().Should().Be(1);
        var content = await (await staff.GetAsync($"/api/platform/exports/{job.GetProperty("id").GetString()}/content")).Content.ReadAsStringAsync();
        content.Should().Contain(name).And.Contain($"{mobile[..3]}****{mobile[^4..]}").And.NotContain(mobile).And.Contain("东柳街道人大工委");

        var none = await (await staff.PostJsonAsync("/api/platform/exports", new { source = "deputies.deputies", format = "Csv", filter = new { search = name, level = "Township" } })).ReadAsync<JsonElement>();
        none.GetProperty("totalRows").GetInt32().Should().Be(0);
        var leader = factory.As("imp-deputy", Demo.Street, "deputy");
        await (await leader.PostJsonAsync("/api/platform/exports", new { source = "deputies.deputies", format = "Csv", filter = new { } })).ProblemAsync(403);
    }

    private static byte[] Xlsx(params string[] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var part = workbook.AddNewPart<WorksheetPart>();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var data = new SheetData();
            var index = 0;
            foreach (var (line, r) in rows.Prepend(RegistryWorld.Header).Select((l, i) => (l, i + 1)))
            {
                var row = new Row { RowIndex = (uint)r };
                foreach (var (value, c) in line.Split(',').Select((v, i) => (v, i)))
                {
                    if (value.Length == 0)
                    {
                        continue; // Excel leaves empty cells out: the reader must place the next by its reference.
                    }
                    shared.SharedStringTable.AppendChild(new SharedStringItem(new Text(value)));
                    row.Append(new Cell { CellReference = $"{(char)('A' + c)}{r}", DataType = CellValues.SharedString, CellValue = new CellValue(index++) });
                }
                data.Append(row);
            }
            part.Worksheet = new Worksheet(data);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "代表名册" });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
