using System.Net;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Stations;

/// <summary>The public form and tracking page: no personal data, idempotent retries, rate limits, untrusted station ids.</summary>
[Collection(OpinionCollection.Name)]
public sealed class OpinionPublicTests(OpinionPlatforms platforms)
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3];

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_resident_leaves_an_opinion_without_personal_data_and_reads_its_status_by_code(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var deputy = Guid.NewGuid();
        var station = await OpinionSetup.StationAsync(factory, Demo.Street, deputies: (deputy, "李秀英"));
        var phone = OpinionSetup.Phone(factory);

        var form = await (await phone.GetAsync($"/api/stations/public-opinions/form?station={station}&deputy={deputy}")).ReadAsync<PublicFormView>();
        form.DeputyName.Should().Be("李秀英");
        form.Deputies.Should().ContainSingle(d => d.Id == deputy);

        var response = await OpinionSetup.SubmitAsync(phone, station, "小区门口路灯坏了一个多月,晚上出行不安全。", deputy, photos: ("路灯.png", Png));
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var submitted = await response.ReadAsync<SubmittedView>();
        submitted.TrackingCode.Should().MatchRegex("^[2-9A-HJKMNP-Z]{10}$");
        submitted.Message.Should().Contain(submitted.TrackingCode);

        var tracked = await (await phone.GetAsync($"/api/stations/public-opinions/{submitted.TrackingCode.ToLowerInvariant()}")).ReadAsync<TrackView>();
        tracked.StatusName.Should().Be("已受理");
        tracked.DeputyName.Should().Be("李秀英");
        tracked.Feedback.Should().BeNull();
        tracked.CanRate.Should().BeFalse();

        var unknown = await (await phone.GetAsync("/api/stations/public-opinions/ABCDEFGHJK")).ProblemAsync(404);
        unknown.GetProperty("detail").GetString().Should().Contain("查询码不存在");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_same_idempotency_key_twice_and_concurrently_stores_one_opinion_with_one_tracking_code(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var station = await OpinionSetup.StationAsync(factory, Demo.Street);
        var phone = OpinionSetup.Phone(factory);
        var key = Guid.NewGuid().ToString();

        var first = await (await OpinionSetup.SubmitAsync(phone, station, "菜市场周边占道经营严重。", key: key)).ReadAsync<SubmittedView>();
        var again = await OpinionSetup.SubmitAsync(phone, station, "菜市场周边占道经营严重。", key: key);
        again.StatusCode.Should().Be(HttpStatusCode.Created);
        (await again.ReadAsync<SubmittedView>()).TrackingCode.Should().Be(first.TrackingCode);

        var racing = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            OpinionSetup.SubmitAsync(OpinionSetup.Phone(factory), station, "公交站台没有遮雨棚。", key: racing)));
        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Created);
        var codes = await Task.WhenAll(answers.Select(a => a.ReadAsync<SubmittedView>()));
        codes.Select(c => c.TrackingCode).Distinct().Should().ContainSingle();
        (await OpinionSetup.CountByKeyAsync(factory, racing)).Should().Be(1);
        (await OpinionSetup.CountByKeyAsync(factory, key)).Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Unknown_inactive_and_foreign_deputy_ids_and_bad_photos_are_refused_in_Chinese(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var closed = await OpinionSetup.StationAsync(factory, Demo.Street, active: false);
        var station = await OpinionSetup.StationAsync(factory, Demo.Street, deputies: (Guid.NewGuid(), "王建国"));
        var phone = OpinionSetup.Phone(factory);

        var unknown = await (await OpinionSetup.SubmitAsync(phone, Guid.NewGuid(), "内容")).ProblemAsync(404);
        unknown.GetProperty("detail").GetString().Should().Contain("联络站不存在或已停用");
        (await (await OpinionSetup.SubmitAsync(phone, closed, "内容")).ProblemAsync(404)).GetProperty("code").GetString()
            .Should().Be("opinion.station_not_found");
        (await phone.GetAsync($"/api/stations/public-opinions/form?station={closed}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var foreignDeputy = await (await OpinionSetup.SubmitAsync(phone, station, "内容", Guid.NewGuid())).ProblemAsync(422);
        foreignDeputy.GetProperty("detail").GetString().Should().Contain("该代表不在本联络站");

        var exe = await (await OpinionSetup.SubmitAsync(phone, station, "内容", photos: ("照片.jpg", "MZ-not-a-photo"u8.ToArray()))).ProblemAsync(415);
        exe.GetProperty("detail").GetString().Should().Contain("只能上传 JPG、PNG 或 WebP");

        var empty = await (await OpinionSetup.SubmitAsync(phone, station, "  ")).ProblemAsync(400);
        empty.GetProperty("errors").GetProperty("content")[0].GetString().Should().Be("请填写您要反映的意见或建议。");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_station_closed_by_staff_refuses_the_form_at_once_though_the_form_keeps_stations_in_memory(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var station = await OpinionSetup.StationAsync(factory, Demo.Street);
        var phone = OpinionSetup.Phone(factory);
        (await phone.GetAsync($"/api/stations/public-opinions/form?station={station}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await OpinionSetup.SubmitAsync(phone, station, "关门前的一条意见")).StatusCode.Should().Be(HttpStatusCode.Created);

        var staff = factory.As("staff-close-station", Demo.Street, "staff");
        var detail = await (await staff.GetAsync($"/api/stations/stations/{station}")).ReadAsync<JsonElement>();
        (await staff.PutJsonAsync($"/api/stations/stations/{station}/active", new { active = false, version = detail.GetProperty("version").GetGuid() }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        (await (await OpinionSetup.SubmitAsync(phone, station, "关门后的一条意见")).ProblemAsync(404)).GetProperty("code").GetString()
            .Should().Be("opinion.station_not_found");
        (await phone.GetAsync($"/api/stations/public-opinions/form?station={station}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Too_many_submissions_to_one_station_or_from_one_address_answer_429_in_Chinese_with_Retry_After(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var station = await OpinionSetup.StationAsync(factory, Demo.Street);
        for (var i = 0; i < OpinionPlatforms.PerStation; i++)
        {
            (await OpinionSetup.SubmitAsync(OpinionSetup.Phone(factory), station, $"第{i}条意见")).StatusCode.Should().Be(HttpStatusCode.Created);
        }
        var limited = await OpinionSetup.SubmitAsync(OpinionSetup.Phone(factory), station, "再来一条");
        limited.Headers.RetryAfter.Should().NotBeNull();
        (await limited.ProblemAsync(429)).GetProperty("detail").GetString().Should().Contain("请一分钟后再提交");

        var phone = OpinionSetup.Phone(factory);
        HttpResponseMessage last = null!;
        for (var i = 0; i <= OpinionPlatforms.PerAddress; i++)
        {
            last = await phone.GetAsync("/api/stations/public-opinions/ABCDEFGHJK");
        }
        last.Headers.RetryAfter.Should().NotBeNull();
        (await last.ProblemAsync(429)).GetProperty("detail").GetString().Should().Contain("提交过于频繁");
    }
}
