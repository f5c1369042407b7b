using System.Net;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;

namespace CongressPlatform.IntegrationTests.Stations;

/// <summary>A street refers residents' opinions to its district's departments; their officers answer them and see nothing else of the street.</summary>
[Collection(OpinionCollection.Name)]
public sealed class OpinionDistrictReferralTests(OpinionPlatforms platforms)
{
    private const string Base = "/api/stations/opinions";

    public sealed record UnitOption(Guid Id, string Name, string Level, string TenantName);

    public sealed record AssignedWithStation(Guid Id, string TrackingCode, string Status, string? StationName, string? HandlingUnitName, string? Answer);

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_street_refers_to_a_district_department_whose_officer_lists_and_answers_it_and_sees_no_other_street_opinion(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var deputy = Guid.NewGuid();
        var station = await OpinionSetup.StationAsync(factory, Demo.Street, deputies: (deputy, "李秀英"));
        var (streetUnit, streetOfficer) = await OpinionSetup.UnitWithOfficerAsync(factory, Demo.Street);
        var (districtUnit, districtOfficer) = await OpinionSetup.UnitWithOfficerAsync(factory, Demo.District);
        var (_, otherDistrictOfficer) = await OpinionSetup.UnitWithOfficerAsync(factory, Demo.District);
        var (siblingUnit, _) = await OpinionSetup.UnitWithOfficerAsync(factory, Demo.Sibling);
        var staff = factory.As("staff-dref", Demo.Street, "staff");

        // The picker: the street's own units and the district's, grouped; never a sibling street's.
        var units = await (await staff.GetAsync($"{Base}/handling-units")).ReadAsync<List<UnitOption>>();
        units.Should().Contain(u => u.Id == streetUnit && u.Level == "Own");
        var district = units.Single(u => u.Id == districtUnit);
        district.Level.Should().Be("Superior");
        district.TenantName.Should().NotBeNullOrWhiteSpace();
        units.Should().NotContain(u => u.Id == siblingUnit);
        units.Select(u => u.Level == "Own" ? 0 : u.Level == "Superior" ? 1 : 2).Should().BeInAscendingOrder("the own units come first");

        var id = await RegisterAsync(staff, station, deputy, "小区旁工地夜间施工噪音扰民,多次反映未解决。");
        var elsewhere = await RegisterAsync(staff, station, deputy, "楼道灯坏了。");
        var unreferred = await RegisterAsync(staff, station, deputy, "希望增加垃圾分类指导。");
        (await staff.PostJsonAsync($"{Base}/{elsewhere}/referral", new { handlingUnitId = streetUnit })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await staff.PostJsonAsync($"{Base}/{unreferred}/referral", new { handlingUnitId = siblingUnit })).ProblemAsync(422))
            .GetProperty("detail").GetString().Should().Contain("承办单位不存在");
        var referred = await (await staff.PostJsonAsync($"{Base}/{id}/referral", new { handlingUnitId = districtUnit, workingDays = 10 })).ReadAsync<OpinionView>();
        referred.Status.Should().Be("Referred");
        referred.HandlingUnitId.Should().Be(districtUnit);

        // The district department's officer: this opinion in 指派给我, nothing else of the street's.
        var officer = factory.As(districtOfficer.ToString(), Demo.District, "unit-officer");
        var mine = await (await officer.GetAsync("/api/stations/assigned-opinions")).ReadAsync<List<AssignedWithStation>>();
        var item = mine.Single(o => o.Id == id);
        item.StationName.Should().NotBeNullOrWhiteSpace();
        mine.Should().NotContain(o => o.Id == elsewhere || o.Id == unreferred);
        (await officer.GetAsync($"{Base}/{id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.PostJsonAsync($"/api/stations/assigned-opinions/{elsewhere}/answer", new { answer = "不是交给我们的" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);

        var other = factory.As(otherDistrictOfficer.ToString(), Demo.District, "unit-officer");
        (await (await other.GetAsync("/api/stations/assigned-opinions")).ReadAsync<List<AssignedWithStation>>()).Should().NotContain(o => o.Id == id);
        (await other.PostJsonAsync($"/api/stations/assigned-opinions/{id}/answer", new { answer = "越权答复" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var streetOfficerClient = factory.As(streetOfficer.ToString(), Demo.Street, "unit-officer");
        (await (await streetOfficerClient.GetAsync("/api/stations/assigned-opinions")).ReadAsync<List<AssignedWithStation>>())
            .Should().NotContain(o => o.Id == id);

        var answered = await (await officer.PostJsonAsync($"/api/stations/assigned-opinions/{id}/answer", new { answer = "已约谈施工单位,夜间 22 点后停止施工。" }))
            .ReadAsync<AssignedWithStation>();
        answered.Status.Should().Be("Answered");
        (await (await officer.PostJsonAsync($"/api/stations/assigned-opinions/{id}/answer", new { answer = "再答一次" })).ProblemAsync(409))
            .GetProperty("detail").GetString().Should().Contain("已答复");

        // The opinion stays the street's: its staff read the answer and feed it back; the sibling street still sees nothing.
        var detail = await (await staff.GetAsync($"{Base}/{id}")).ReadAsync<OpinionView>();
        detail.Status.Should().Be("Answered");
        detail.Answer.Should().Contain("停止施工");
        detail.History.Select(h => h.Kind).Should().EndWith("answered");
        (await staff.PostJsonAsync($"{Base}/{id}/feedback", new { feedback = "区住建局已约谈施工单位。" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await factory.As("staff-dref-s", Demo.Sibling, "staff").GetAsync($"{Base}/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await officer.GetAsync("/api/stations/assigned-opinions")).ReadAsync<List<AssignedWithStation>>())
            .Single(o => o.Id == id).Status.Should().Be("FedBack");
    }

    private static async Task<Guid> RegisterAsync(HttpClient staff, Guid station, Guid deputy, string content) =>
        (await (await staff.PostJsonAsync(Base, new { channel = "Visit", stationId = station, deputyId = deputy, content, confidential = false }))
            .ReadAsync<OpinionView>()).Id;
}
