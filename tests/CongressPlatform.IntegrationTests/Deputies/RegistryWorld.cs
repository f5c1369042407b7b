using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Deputies;

/// <summary>What the registry tests share: unique persons, the calls, and the views of the answers.</summary>
internal static class RegistryWorld
{
    public const string Api = "/api/deputies/deputies";

    private static int _serial = Random.Shared.Next(0, 5_000_000);

    /// <summary>A mobile no demo deputy or other test uses (the demo's are 1380000…, 1390571…).</summary>
    public static string Mobile() => "137" + Interlocked.Increment(ref _serial).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>A name unique to the run (a Chinese surname and a serial written in Chinese digits).</summary>
    public static string Name()
    {
        var n = Interlocked.Increment(ref _serial);
        var digits = n.ToString("D8", CultureInfo.InvariantCulture).Select(c => "零一二三四五六七八九"[c - '0']);
        return "测" + string.Concat(digits);
    }

    public static object Seat(string level = "District", int term = 17, Guid? tenantId = null, bool byElection = false) =>
        new { level, term, constituency = "东柳街道第三选区", electedOn = "2021-11-18", byElection, tenantId };

    public static object Person(string name, string mobile, object seat, string? email = "daibiao@example.com") => new
    {
        name, gender = "Female", ethnicity = "汉族", birthYear = 1975, party = "中共党员", education = "大学本科", occupation = "教师",
        workUnit = "东柳街道中心小学 教师", mobile, email, seat,
    };

    public static async Task<DeputyView> RegisterAsync(HttpClient client, string name, string mobile, object? seat = null)
    {
        var response = await client.PostJsonAsync(Api, Person(name, mobile, seat ?? Seat()));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<DeputyView>();
    }

    public static async Task<Paged<DeputyListItemView>> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"{Api}?{query}")).ReadAsync<Paged<DeputyListItemView>>();

    public static MultipartFormDataContent File(string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    public const string Header = "姓名*,性别*,民族,出生年份,政治面貌*,学历,职业,工作单位及职务,手机号*,电子邮箱,代表层级*,届次*,选区*,当选日期*,是否补选";

    public static string Row(string name, string mobile, string gender = "女", string level = "区", string term = "17", string elected = "2021-11-18",
        string email = "", string byElection = "否") =>
        $"{name},{gender},汉族,1978,中共党员,大学本科,教师,东柳街道中心小学 教师,{mobile},{email},{level},{term},东柳街道第五选区,{elected},{byElection}";

    public static byte[] Csv(bool bom, params string[] rows)
    {
        var text = string.Join("\r\n", rows.Prepend(Header)) + "\r\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        return bom ? [.. Encoding.UTF8.GetPreamble(), .. bytes] : bytes;
    }
}

public sealed record SeatView(
    Guid Id, Guid TenantId, string TenantName, string Level, int Term, string Constituency, DateOnly ElectedOn, bool ByElection,
    string Status, DateOnly? EndedOn, string? EndReason, Guid Version);

public sealed record ConsentStateView(string Item, bool Granted, DateTime? SinceUtc);

public sealed record ConsentRecordView(Guid Id, string Item, bool Granted, string? Note, string RecordedByName, DateTime RecordedAtUtc);

public sealed record DeputyView(
    Guid Id, string Name, string Gender, string Ethnicity, int? BirthYear, string Party, string? Education, string? Occupation, string? WorkUnit,
    string? Mobile, string? Email, Guid? PhotoAttachmentId, Guid? UserId, DateTime? InvitedAtUtc, Guid Version,
    List<SeatView> Seats, List<ConsentStateView> Consents, List<ConsentRecordView> ConsentHistory);

public sealed record DeputyListItemView(Guid Id, string Name, string Gender, string Party, string? WorkUnit, string? Mobile, bool Invited, List<SeatView> Seats);

public sealed record ContactView(Guid Id, string Mobile, string? Email);

public sealed record InvitationView(Guid UserId, string UserName, bool AccountCreated, string? TemporaryPassword, int MembershipsAdded, bool AccountActive);

public sealed record ImportResultView(int Rows, int PersonsCreated, int SeatsAdded);

