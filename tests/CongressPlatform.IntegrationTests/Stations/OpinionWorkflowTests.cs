using System.Net;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Stations;

/// <summary>Staff intake, triage, referral in working days, the officer's answer, feedback, rating; tenancy and permissions.</summary>
[Collection(OpinionCollection.Name)]
public sealed class OpinionWorkflowTests(OpinionPlatforms platforms)
{
    private const string Base = "/api/stations/opinions";

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task An_opinion_goes_from_the_form_to_the_unit_and_back_to_the_resident_who_rates_it_once(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var deputy = Guid.NewGuid();
        var station = await OpinionSetup.StationAsync(factory, Demo.Street, deputies: (deputy, "李秀英"));
        var (unit, officer) = await OpinionSetup.UnitWithOfficerAsync(factory, Demo.Street);
        var (_, otherOfficer) = await OpinionSetup.UnitWithOfficerAsync(factory, Demo.Street);
        var phone = OpinionSetup.Phone(factory);
        var code = (await (await OpinionSetup.SubmitAsync(phone, station, "楼道里堆放杂物,存在消防隐患。", contactName: "张先生", contactPhone: "13912345678"))
            .ReadAsync<SubmittedView>()).TrackingCode;
        var staff = factory.As("staff-op", Demo.Street, "staff");
        var inbox = await (await staff.GetAsync($"{Base}?stationId={station}")).ReadAsync<Paged<OpinionView>>();
        var id = inbox.Items.Single(o => o.TrackingCode == code).Id;

        // Referral needs a named deputy: this one came without.
        (await (await staff.PostJsonAsync($"{Base}/{id}/referral", new { handlingUnitId = unit })).ProblemAsync(422))
            .GetProperty("detail").GetString().Should().Contain("指定收到该意见的代表");
        // An answer before referral is the wrong state for the officer; feedback before an answer too.
        (await staff.PostJsonAsync($"{Base}/{id}/feedback", new { feedback = "已处理" })).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var triaged = await (await staff.PostJsonAsync($"{Base}/{id}/triage", new { category = "安全生产", community = "柳岸社区", confidential = false, deputyId = deputy }))
            .ReadAsync<OpinionView>();
        triaged.DeputyName.Should().Be("李秀英");
        triaged.ContactPhone.Should().Be("13912345678");
        var referred = await (await staff.PostJsonAsync($"{Base}/{id}/referral", new { handlingUnitId = unit, workingDays = 10 })).ReadAsync<OpinionView>();
        referred.Status.Should().Be("Referred");
        referred.Sla.Should().Be("Green");
        (await (await staff.PostJsonAsync($"{Base}/{id}/referral", new { handlingUnitId = unit })).ProblemAsync(409))
            .GetProperty("detail").GetString().Should().Contain("已转办");

        var officerClient = factory.As(officer.ToString(), Demo.Street, "unit-officer");
        var mine = await (await officerClient.GetAsync("/api/stations/assigned-opinions")).ReadAsync<List<AssignedView>>();
        mine.Should().ContainSingle(o => o.Id == id);
        var other = factory.As(otherOfficer.ToString(), Demo.Street, "unit-officer");
        (await (await other.GetAsync("/api/stations/assigned-opinions")).ReadAsync<List<AssignedView>>()).Should().NotContain(o => o.Id == id);
        (await other.PostJsonAsync($"/api/stations/assigned-opinions/{id}/answer", new { answer = "不是我们的" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await officerClient.PostJsonAsync($"/api/stations/assigned-opinions/{id}/answer", new { answer = "已清理楼道杂物,并张贴消防提示。" }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var before = await (await phone.GetAsync($"/api/stations/public-opinions/{code}")).ReadAsync<TrackView>();
        before.StatusName.Should().Be("已答复");
        before.Feedback.Should().BeNull("the answer is public only once staff fed it back");

        var fedBack = await (await staff.PostJsonAsync($"{Base}/{id}/feedback", new { feedback = "街道已清理楼道杂物并张贴消防提示,感谢您的反映。" }))
            .ReadAsync<OpinionView>();
        fedBack.Status.Should().Be("FedBack");
        fedBack.History.Select(h => h.Kind).Should().Equal("received", "triaged", "referred", "answered", "fed_back");

        var tracked = await phone.GetAsync($"/api/stations/public-opinions/{code}");
        var body = await tracked.Content.ReadAsStringAsync();
        body.Should().NotContain("13912345678").And.NotContain("张先生");
        var view = await tracked.ReadAsync<TrackView>();
        view.StatusName.Should().Be("已反馈");
        view.Feedback.Should().Contain("已清理楼道杂物");
        view.CanRate.Should().BeTrue();

        var rated = await (await phone.PostJsonAsync($"/api/stations/public-opinions/{code}/rating", new { rating = "Satisfied" })).ReadAsync<TrackView>();
        rated.Rating.Should().Be("Satisfied");
        rated.CanRate.Should().BeFalse();
        (await (await phone.PostJsonAsync($"/api/stations/public-opinions/{code}/rating", new { rating = "Dissatisfied" })).ProblemAsync(409))
            .GetProperty("detail").GetString().Should().Contain("已经评价过");

        (await (await staff.PostJsonAsync($"{Base}/{id}/close", new { })).ReadAsync<OpinionView>()).Status.Should().Be("Closed");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_referral_on_a_Friday_is_due_fifteen_working_days_later_skipping_the_holidays_and_counting_the_make_up_days(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var clock = (SettableClock)factory.Services.GetRequiredService<TimeProvider>();
        var deputy = Guid.NewGuid();
        var station = await OpinionSetup.StationAsync(factory, Demo.Street, deputies: (deputy, "王建国"));
        var (unit, _) = await OpinionSetup.UnitWithOfficerAsync(factory, Demo.Street);
        var staff = factory.As("staff-op2", Demo.Street, "staff");
        var id = (await (await staff.PostJsonAsync(Base, new { channel = "Notebook", stationId = station, deputyId = deputy, content = "建议增设老年食堂。",
            confidential = false })).ReadAsync<OpinionView>()).Id;
        try
        {
            // Friday 2026-09-18 in Beijing: 中秋 (9-25..27) and 国庆 (10-01..07) are skipped, the make-up Sundays/Saturdays 9-20 and 10-10 count.
            clock.Now = new DateTimeOffset(2026, 9, 18, 2, 0, 0, TimeSpan.Zero);
            var referred = await (await staff.PostJsonAsync($"{Base}/{id}/referral", new { handlingUnitId = unit })).ReadAsync<OpinionView>();
            referred.DueOn.Should().Be(new DateOnly(2026, 10, 15));
            referred.WorkingDaysLeft.Should().Be(15);
            referred.Sla.Should().Be("Green");

            clock.Now = new DateTimeOffset(2026, 10, 12, 2, 0, 0, TimeSpan.Zero);
            (await (await staff.GetAsync($"{Base}/{id}")).ReadAsync<OpinionView>()).Sla.Should().Be("Amber");
            clock.Now = new DateTimeOffset(2026, 10, 16, 2, 0, 0, TimeSpan.Zero);
            (await (await staff.GetAsync($"{Base}/{id}")).ReadAsync<OpinionView>()).Sla.Should().Be("Red");
            var overdue = await (await staff.GetAsync($"{Base}?overdue=true&stationId={station}")).ReadAsync<Paged<OpinionView>>();
            overdue.Items.Should().ContainSingle(o => o.Id == id);
        }
        finally
        {
            clock.Now = null;
        }
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Staff_intake_shows_duplicate_hints_and_a_duplicate_is_closed_pointing_to_the_original(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var station = await OpinionSetup.StationAsync(factory, Demo.Street);
        var staff = factory.As("staff-op3", Demo.Street, "staff");
        var first = await (await staff.PostJsonAsync(Base, new { channel = "Visit", stationId = station, content = "柳岸小区东门路灯不亮,晚上很黑。", confidential = false }))
            .ReadAsync<OpinionView>();
        var second = await (await staff.PostJsonAsync(Base, new { channel = "Phone", stationId = station, content = "柳岸小区东门的路灯不亮了,晚上很黑!",
            confidential = true, contactPhone = "13900000000" })).ReadAsync<OpinionView>();
        var detail = await (await staff.GetAsync($"{Base}/{second.Id}")).ReadAsync<OpinionView>();
        detail.DuplicateHints.Should().ContainSingle(h => h.Id == first.Id);
        detail.Confidential.Should().BeTrue();

        var closed = await (await staff.PostJsonAsync($"{Base}/{second.Id}/duplicate", new { duplicateOfId = first.Id })).ReadAsync<OpinionView>();
        closed.Status.Should().Be("Closed");
        closed.Feedback.Should().Contain(first.TrackingCode);

        // A confidential opinion shows the public nothing but its status and dates.
        var tracked = await (await OpinionSetup.Phone(factory).GetAsync($"/api/stations/public-opinions/{second.TrackingCode}")).ReadAsync<TrackView>();
        tracked.StatusName.Should().Be("已办结");
        tracked.Content.Should().BeNull();
        tracked.Feedback.Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_sibling_street_cannot_read_or_act_the_district_reads_and_every_endpoint_needs_its_permission(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var deputy = Guid.NewGuid();
        var station = await OpinionSetup.StationAsync(factory, Demo.Street, deputies: (deputy, "李秀英"));
        var staff = factory.As("staff-op4", Demo.Street, "staff");
        var id = (await (await staff.PostJsonAsync(Base, new { channel = "OpinionBox", stationId = station, deputyId = deputy, content = "希望增加健身器材。",
            confidential = false })).ReadAsync<OpinionView>()).Id;

        var sibling = factory.As("staff-op-s", Demo.Sibling, "staff");
        (await sibling.GetAsync($"{Base}/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await sibling.GetAsync(Base)).ReadAsync<Paged<OpinionView>>()).Items.Should().NotContain(o => o.Id == id);
        (await sibling.PostJsonAsync($"{Base}/{id}/triage", new { category = "其他", confidential = false })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await sibling.PostJsonAsync(Base, new { channel = "Visit", stationId = station, content = "跨街道登记", confidential = false }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);

        var district = factory.As("staff-op-d", Demo.District, "staff", "supervisor");
        (await district.GetAsync($"{Base}/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var deputyClient = factory.As("deputy-op", Demo.Street, "deputy");
        var asDeputy = await (await deputyClient.GetAsync($"{Base}/{id}")).ReadAsync<OpinionView>();
        asDeputy.ContactPhone.Should().BeNull();
        (await deputyClient.PostJsonAsync($"{Base}/{id}/triage", new { confidential = false })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await deputyClient.GetAsync("/api/stations/assigned-opinions")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var officer = factory.As("officer-op", Demo.Street, "unit-officer");
        (await officer.GetAsync(Base)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.GetAsync($"{Base}/{id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.PostJsonAsync($"{Base}/{id}/referral", new { handlingUnitId = Guid.NewGuid() })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.GetAsync($"{Base}/handling-units")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await staff.PostJsonAsync($"/api/stations/assigned-opinions/{id}/answer", new { answer = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var units = await (await staff.GetAsync($"{Base}/handling-units")).ReadAsync<List<DeputyView>>();
        units.Should().NotBeEmpty();
        var keeper = factory.As("keeper-op", Demo.Street, "station-keeper");
        (await keeper.PostJsonAsync($"{Base}/{id}/close", new { note = "当场答复:已向物业转达。" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var anonymous = factory.CreateClient();
        (await anonymous.GetAsync(Base)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/stations/assigned-opinions")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
