using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Features.ImportDeputies;
using CongressPlatform.Modules.Deputies.Features.Registry;

namespace CongressPlatform.UnitTests.Deputies;

public sealed class RegistryRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static readonly string[] Headers =
        ["姓名", "性别", "民族", "出生年份", "政治面貌", "学历", "职业", "工作单位及职务", "手机号", "电子邮箱", "代表层级", "届次", "选区", "当选日期", "是否补选"];

    private static ImportRow Row(int number, string name = "张伟", string gender = "男", string mobile = "13900001111", string level = "区",
        string term = "17", string elected = "2021-11-18", string email = "", string byElection = "", string birthYear = "1970", string party = "中共党员")
    {
        var values = new[] { name, gender, "汉族", birthYear, party, "大学本科", "教师", "某小学 教师", mobile, email, level, term, "第一选区", elected, byElection };
        return new ImportRow(number, Headers.Zip(values).ToDictionary(p => p.First, p => p.Second));
    }

    private static (List<ParsedImportRow> Rows, List<ImportErrorDto> Errors) Validate(params ImportRow[] rows) =>
        ImportRowRules.Validate(new ImportFile(Headers, rows), Today);

    [Theory]
    [InlineData("13800000002", "138****0002")]
    [InlineData("19912345678", "199****5678")]
    [InlineData("1234567", "****")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Mobiles_are_masked_to_the_first_three_and_last_four_digits(string? mobile, string? masked) =>
        ContactMasking.Mobile(mobile).Should().Be(masked);

    [Theory]
    [InlineData("lixiuying@example.com", "l***@example.com")]
    [InlineData("a@b.cn", "a***@b.cn")]
    [InlineData("no-at-sign", "***")]
    [InlineData(null, null)]
    public void Emails_keep_the_first_letter_and_the_domain(string? email, string? masked) =>
        ContactMasking.Email(email).Should().Be(masked);

    [Theory]
    [InlineData("17", 17)]
    [InlineData("第十七届", 17)]
    [InlineData("十七", 17)]
    [InlineData("第十届", 10)]
    [InlineData("二十一", 21)]
    [InlineData("第9届", 9)]
    [InlineData("三十", 30)]
    [InlineData("0", null)]
    [InlineData("第届", null)]
    [InlineData("十七十", null)]
    public void Terms_are_read_in_digits_or_Chinese(string text, int? term) => RegistryNames.ParseTerm(text).Should().Be(term);

    [Fact]
    public void Term_names_are_written_in_Chinese() =>
        Enumerable.Range(9, 13).Select(RegistryNames.TermName).Should().Equal(
            "第九届", "第十届", "第十一届", "第十二届", "第十三届", "第十四届", "第十五届", "第十六届", "第十七届", "第十八届", "第十九届", "第二十届", "第二十一届");

    [Theory]
    [InlineData("乡镇", SeatLevel.Township)]
    [InlineData("镇", SeatLevel.Township)]
    [InlineData("区", SeatLevel.District)]
    [InlineData("区级", SeatLevel.District)]
    [InlineData("县", SeatLevel.District)]
    [InlineData("市人大代表", SeatLevel.City)]
    [InlineData("街道", null)]
    public void Levels_are_read_in_Chinese(string text, SeatLevel? level) => RegistryNames.ParseLevel(text).Should().Be(level);

    [Fact]
    public void A_valid_file_parses_every_row_and_one_person_may_hold_two_seats()
    {
        var (rows, errors) = Validate(Row(2), Row(3, level: "市", term: "第十六届", byElection: "是"), Row(4, name: "李娜", gender: "女", mobile: "13900002222", elected: "2021/11/18"));
        errors.Should().BeEmpty();
        rows.Should().HaveCount(3);
        rows[1].Should().Match<ParsedImportRow>(r => r.Level == SeatLevel.City && r.Term == 16 && r.ByElection && r.Person.Mobile == "13900001111");
        rows[2].Person.Gender.Should().Be(Gender.Female);
        rows[2].ElectedOn.Should().Be(new DateOnly(2021, 11, 18));
    }

    [Fact]
    public void Every_bad_cell_is_reported_with_its_row_and_column()
    {
        var (rows, errors) = Validate(
            Row(2, name: "", gender: "未知", mobile: "1390000111", level: "街道", term: "x", elected: "2030-01-01", email: "x@", byElection: "也许", birthYear: "1900", party: ""));
        rows.Should().BeEmpty();
        errors.Select(e => e.Column).Should().BeEquivalentTo(["姓名", "性别", "出生年份", "政治面貌", "手机号", "电子邮箱", "代表层级", "届次", "当选日期", "是否补选"]);
        errors.Should().OnlyContain(e => e.Row == 2);
    }

    [Fact]
    public void Duplicates_within_the_file_are_reported_on_the_later_row()
    {
        var (rows, errors) = Validate(Row(2), Row(3), Row(4, name: "王芳"), Row(5, mobile: "13900003333"));
        rows.Select(r => r.Number).Should().Equal(2, 5);
        errors.Should().HaveCount(2);
        errors[0].Should().Match<ImportErrorDto>(e => e.Row == 3 && e.Column == "手机号" && e.Message.Contains("第 2 行"));
        errors[1].Should().Match<ImportErrorDto>(e => e.Row == 4 && e.Message.Contains("姓名不同"));
    }

    [Fact]
    public void A_missing_required_column_stops_the_check_at_the_header()
    {
        var (rows, errors) = ImportRowRules.Validate(new ImportFile(["姓名", "性别"], [Row(2)]), Today);
        rows.Should().BeEmpty();
        errors.Should().OnlyContain(e => e.Row == 1).And.Contain(e => e.Column == "手机号");
    }

    [Theory]
    [InlineData("2021-11-18")]
    [InlineData("2021/11/18")]
    [InlineData("2021.11.18")]
    [InlineData("20211118")]
    [InlineData("2021年11月18日")]
    [InlineData("44518")]
    [InlineData("2021-11-18 00:00:00")]
    public void Dates_are_read_in_the_usual_forms_and_as_Excel_serial_days(string text) =>
        ImportRowRules.ParseDate(text).Should().Be(new DateOnly(2021, 11, 18));

    [Fact]
    public void Consent_is_the_newest_entry_of_each_item()
    {
        var id = Guid.NewGuid();
        var t0 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var history = new[]
        {
            new ConsentRecord(id, ConsentItem.Phone, true, "授权书", null, "赵干事", Guid.Empty, t0),
            new ConsentRecord(id, ConsentItem.Phone, false, null, null, "赵干事", Guid.Empty, t0.AddDays(3)),
            new ConsentRecord(id, ConsentItem.Photo, true, "电话确认", null, "赵干事", Guid.Empty, t0.AddDays(1)),
        };
        ConsentRecord.Current(history).Should().BeEquivalentTo([ConsentItem.Photo]);
        ConsentRecord.Current([]).Should().BeEmpty();
    }
}
