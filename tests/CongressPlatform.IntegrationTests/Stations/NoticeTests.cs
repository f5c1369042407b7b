using System.Net;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Stations;

public sealed record NoticeRunView(DateOnly CutOff, int Created, int Refreshed, int Published, int Unchanged);

public sealed record NoticeListView(Guid Id, Guid StationId, DateOnly PeriodStart, DateOnly PeriodEnd, string Status, int ItemCount, int ExcludedCount,
    int ConfidentialCount);

public sealed record NoticeItemView(Guid Id, Guid OpinionId, string Summary, string? Answer, bool RaisedInPeriod, bool AnsweredInPeriod, bool Excluded,
    string? ExcludedReason);

public sealed record NoticeView(Guid Id, Guid StationId, DateOnly PeriodStart, DateOnly PeriodEnd, string Status, int ConfidentialCount,
    List<NoticeItemView> Items);

public sealed record PublicNoticeView(Guid Id, DateOnly PeriodEnd, int RaisedCount, int AnsweredCount, int ConfidentialCount, List<PublicNoticeItemView> Items);

public sealed record PublicNoticeItemView(string Summary, string? Answer, string StatusName);

/// <summary>The monthly public notice: the job run twice, scrubbing, confidential and excluded items, publishing, tenancy.</summary>
[Collection(OpinionCollection.Name)]
public sealed class NoticeTests(OpinionPlatforms platforms)
{
    private const string Base = "/api/stations/notices";
    private const string Opinions = "/api/stations/opinions";

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_job_run_twice_publishes_one_notice_per_station_without_a_phone_number_a_confidential_or_an_excluded_item(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var clock = (SettableClock)factory.Services.GetRequiredService<TimeProvider>();
        var deputy = Guid.NewGuid();
        var station = await OpinionSetup.StationAsync(factory, Demo.Street, deputies: (deputy, "李秀英"));
        var quiet = await OpinionSetup.StationAsync(factory, Demo.Street);
        var staff = factory.As("staff-notice", Demo.Street, "staff");
        try
        {
            clock.Now = new DateTimeOffset(2026, 11, 10, 2, 0, 0, TimeSpan.Zero);
            (await OpinionSetup.SubmitAsync(OpinionSetup.Phone(factory), station, "3号楼电梯一周坏了三次,请联系我13957112345,我是张阿姨。",
                contactName: "张阿姨", contactPhone: "13800001111")).StatusCode.Should().Be(HttpStatusCode.Created);
            await RegisterAsync(staff, station, deputy, "涉及某单位人员问题线索,请按程序处理。", confidential: true);
            var family = await RegisterAsync(staff, station, deputy, "邻居家庭纠纷,希望社区调解。", confidential: false);
            var answered = await RegisterAsync(staff, station, deputy, "咨询灵活就业人员医保缴费办法。", confidential: false);
            (await staff.PostJsonAsync($"{Opinions}/{answered}/close", new { note = "当场答复:可在便民服务中心办理,详情发邮件至 sb@example.com。" }))
                .StatusCode.Should().Be(HttpStatusCode.OK);
            // After the cut-off: the next period's.
            clock.Now = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
            await RegisterAsync(staff, station, deputy, "下一期的意见:路灯不亮。", confidential: false);

            var first = await (await staff.PostJsonAsync($"{Base}/runs", new { cutOff = "2026-11-20" })).ReadAsync<NoticeRunView>();
            var second = await (await staff.PostJsonAsync($"{Base}/runs", new { cutOff = "2026-11-20" })).ReadAsync<NoticeRunView>();
            first.Created.Should().BeGreaterThanOrEqualTo(1);
            second.Created.Should().Be(0, "the second run refreshes the drafts it made");
            var listed = (await (await staff.GetAsync($"{Base}?stationId={station}")).ReadAsync<Paged<NoticeListView>>()).Items;
            var row = listed.Should().ContainSingle().Subject;
            row.Status.Should().Be("Draft");
            row.PeriodStart.Should().Be(new DateOnly(2026, 10, 21));
            row.PeriodEnd.Should().Be(new DateOnly(2026, 11, 20));
            row.ItemCount.Should().Be(3);
            row.ConfidentialCount.Should().Be(1);
            (await (await staff.GetAsync($"{Base}?stationId={quiet}")).ReadAsync<Paged<NoticeListView>>()).Items.Should().BeEmpty(
                "a station with nothing raised or answered gets no notice");

            var notice = await (await staff.GetAsync($"{Base}/{row.Id}")).ReadAsync<NoticeView>();
            notice.Items.Should().NotContain(i => i.Summary.Contains("13957112345") || i.Summary.Contains("张阿姨"));
            notice.Items.Should().ContainSingle(i => i.AnsweredInPeriod).Which.Answer.Should().Contain("便民服务中心").And.NotContain("sb@example.com");
            var familyItem = notice.Items.Single(i => i.OpinionId == family);

            var anonymous = OpinionSetup.Phone(factory);
            (await (await anonymous.GetAsync($"/api/stations/public-stations/{station}/notices")).ReadAsync<List<PublicNoticeView>>())
                .Should().BeEmpty("a draft is not public");

            (await (await staff.PutJsonAsync($"{Base}/{row.Id}/items/{familyItem.Id}/excluded", new { excluded = true }))
                .ProblemAsync(400)).GetRawText().Should().Contain("请填写原因");
            (await (await staff.GetAsync($"{Base}/{row.Id}")).ReadAsync<NoticeView>()).Items.Should().NotContain(i => i.Excluded);
            (await staff.PutJsonAsync($"{Base}/{row.Id}/items/{familyItem.Id}/excluded", new { excluded = true, reason = "涉及个人隐私" }))
                .StatusCode.Should().Be(HttpStatusCode.OK);
            var published = await (await staff.PostJsonAsync($"{Base}/{row.Id}/publish", new { })).ReadAsync<NoticeView>();
            published.Status.Should().Be("Published");
            (await staff.PutJsonAsync($"{Base}/{row.Id}/items/{familyItem.Id}/excluded", new { excluded = false }))
                .StatusCode.Should().Be(HttpStatusCode.Conflict);

            var third = await (await staff.PostJsonAsync($"{Base}/runs", new { cutOff = "2026-11-20" })).ReadAsync<NoticeRunView>();
            third.Unchanged.Should().BeGreaterThanOrEqualTo(1);
            var after = (await (await staff.GetAsync($"{Base}?stationId={station}")).ReadAsync<Paged<NoticeListView>>()).Items;
            after.Should().ContainSingle().Which.Status.Should().Be("Published");

            var response = await anonymous.GetAsync($"/api/stations/public-stations/{station}/notices");
            var body = await response.Content.ReadAsStringAsync();
            body.Should().NotContain("13957112345").And.NotContain("13800001111").And.NotContain("张阿姨").And.NotContain("sb@example.com");
            body.Should().NotContain("线索", "the confidential opinion is left out").And.NotContain("家庭纠纷", "staff excluded it").And.NotContain("路灯");
            var board = await response.ReadAsync<List<PublicNoticeView>>();
            var shown = board.Should().ContainSingle().Subject;
            shown.ConfidentialCount.Should().Be(1);
            shown.Items.Should().HaveCount(2);
            shown.Items.Should().Contain(i => i.Summary.Contains("电梯一周坏了三次") && i.Summary.Contains("＊＊＊"));

            (await (await staff.PostJsonAsync($"{Base}/{row.Id}/withdraw", new { reason = "" })).ProblemAsync(400))
                .GetRawText().Should().Contain("撤回原因");
            (await staff.PostJsonAsync($"{Base}/{row.Id}/withdraw", new { reason = "内容需更正" })).StatusCode.Should().Be(HttpStatusCode.OK);
            (await (await anonymous.GetAsync($"/api/stations/public-stations/{station}/notices")).ReadAsync<List<PublicNoticeView>>())
                .Should().BeEmpty();
        }
        finally
        {
            clock.Now = null;
        }
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Another_street_cannot_read_or_edit_a_notice_the_district_reads_it_and_a_cut_off_must_be_a_past_twentieth(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var clock = (SettableClock)factory.Services.GetRequiredService<TimeProvider>();
        var deputy = Guid.NewGuid();
        var station = await OpinionSetup.StationAsync(factory, Demo.Street, deputies: (deputy, "王建国"));
        var staff = factory.As("staff-notice2", Demo.Street, "staff");
        try
        {
            clock.Now = new DateTimeOffset(2026, 10, 5, 2, 0, 0, TimeSpan.Zero);
            await RegisterAsync(staff, station, deputy, "建议在小区门口增设公交站台。", confidential: false);
            clock.Now = new DateTimeOffset(2026, 10, 20, 2, 0, 0, TimeSpan.Zero);
            (await (await staff.PostJsonAsync($"{Base}/runs", new { cutOff = "2026-10-19" })).ProblemAsync(400)).GetRawText().Should().Contain("20日");
            (await (await staff.PostJsonAsync($"{Base}/runs", new { cutOff = "2026-11-20" })).ProblemAsync(400)).GetRawText().Should().Contain("不能晚于今天");
            (await staff.PostJsonAsync($"{Base}/runs", new { cutOff = "2026-10-20" })).StatusCode.Should().Be(HttpStatusCode.OK);
            var id = (await (await staff.GetAsync($"{Base}?stationId={station}")).ReadAsync<Paged<NoticeListView>>()).Items.Single().Id;
            var itemId = (await (await staff.GetAsync($"{Base}/{id}")).ReadAsync<NoticeView>()).Items.Single().Id;

            var sibling = factory.As("staff-notice-s", Demo.Sibling, "staff");
            (await sibling.GetAsync($"{Base}/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await (await sibling.GetAsync(Base)).ReadAsync<Paged<NoticeListView>>()).Items.Should().NotContain(n => n.Id == id);
            (await sibling.PutJsonAsync($"{Base}/{id}/items/{itemId}", new { summary = "篡改" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await sibling.PostJsonAsync($"{Base}/{id}/publish", new { })).StatusCode.Should().Be(HttpStatusCode.NotFound);

            var district = factory.As("staff-notice-d", Demo.District, "staff", "supervisor");
            (await district.GetAsync($"{Base}/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await (await district.GetAsync(Base)).ReadAsync<Paged<NoticeListView>>()).Items.Should().Contain(n => n.Id == id);

            var deputyClient = factory.As("deputy-notice", Demo.Street, "deputy");
            (await deputyClient.GetAsync($"{Base}/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await deputyClient.PostJsonAsync($"{Base}/{id}/publish", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await factory.As("officer-notice", Demo.Street, "unit-officer").GetAsync(Base)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await factory.CreateClient().GetAsync(Base)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

            var edited = await (await staff.PutJsonAsync($"{Base}/{id}/items/{itemId}", new { summary = "建议增设公交站台,联系人电话 0571-86012345" }))
                .ReadAsync<NoticeView>();
            edited.Items.Single().Summary.Should().Be("建议增设公交站台,联系人电话 ＊＊＊");
        }
        finally
        {
            clock.Now = null;
        }
    }

    private static async Task<Guid> RegisterAsync(HttpClient staff, Guid station, Guid deputy, string content, bool confidential)
    {
        var response = await staff.PostJsonAsync(Opinions, new { channel = "Visit", stationId = station, deputyId = deputy, content, category = "其他", confidential });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.ReadAsync<OpinionView>()).Id;
    }
}
