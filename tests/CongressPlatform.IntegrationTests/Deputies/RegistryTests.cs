using System.Net;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Deputies.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using static CongressPlatform.IntegrationTests.Deputies.RegistryWorld;

namespace CongressPlatform.IntegrationTests.Deputies;

/// <summary>The deputies registry over HTTP: persons and seats, tenancy, masking, consent, invite, permissions and bad input.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RegistryTests(Platforms platforms)
{
    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Staff_register_update_read_and_list_a_deputy_with_the_mobile_and_email_masked(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("reg-staff-dongliu", Demo.Street, "staff");
        var name = Name();
        var mobile = Mobile();

        var created = await RegisterAsync(staff, name, mobile);
        created.Mobile.Should().Be($"{mobile[..3]}****{mobile[^4..]}");
        created.Email.Should().Be("d***@example.com");
        created.Seats.Should().ContainSingle().Which.Should().Match<SeatView>(s =>
            s.Level == "District" && s.Term == 17 && s.Status == "Serving" && s.TenantName == "东柳街道人大工委");
        created.Consents.Should().HaveCount(4).And.OnlyContain(c => !c.Granted);

        var body = await (await staff.GetAsync($"{Api}/{created.Id}")).Content.ReadAsStringAsync();
        body.Should().NotContain(mobile).And.NotContain("daibiao@");

        var page = await ListAsync(staff, $"search={Uri.EscapeDataString(name)}");
        page.Items.Should().ContainSingle().Which.Mobile.Should().Be(created.Mobile);
        (await ListAsync(staff, $"search={mobile}")).Items.Should().ContainSingle(d => d.Id == created.Id);
        (await ListAsync(staff, $"search={Uri.EscapeDataString(name)}&level=Township")).Items.Should().BeEmpty();
        (await ListAsync(staff, $"search={Uri.EscapeDataString(name)}&level=District&status=Serving&term=17")).Items.Should().ContainSingle();
        (await ListAsync(staff, $"search={Uri.EscapeDataString(name)}&term=16")).Items.Should().BeEmpty();

        var newMobile = Mobile();
        var update = new
        {
            name, gender = "Female", ethnicity = "回族", birthYear = 1976, party = "民盟盟员", education = "研究生", occupation = "校长",
            workUnit = "东柳街道中心小学 校长", mobile = newMobile, email = (string?)null, version = created.Version,
        };
        var updated = await (await staff.PutJsonAsync($"{Api}/{created.Id}", update)).ReadAsync<DeputyView>();
        var masked = $"{newMobile[..3]}****{newMobile[^4..]}";
        updated.Should().Match<DeputyView>(d => d.Party == "民盟盟员" && d.Ethnicity == "回族" && d.Email == null && d.Mobile == masked);
        (await (await staff.PutJsonAsync($"{Api}/{created.Id}", update)).ProblemAsync(409)).GetProperty("code").GetString().Should().Be("concurrency");

        // The full number only through the audited reveal, with a reason.
        var contact = await (await staff.PostJsonAsync($"{Api}/{created.Id}/contact", new { reason = "通知参加集中视察" })).ReadAsync<ContactView>();
        contact.Mobile.Should().Be(newMobile);
        (await (await staff.PostJsonAsync($"{Api}/{created.Id}/contact", new { reason = "" })).ProblemAsync(400))
            .GetProperty("errors").GetProperty("reason")[0].GetString().Should().Contain("查看原因");
        var auditor = factory.As("reg-auditor", Demo.District, "audit-admin");
        var audit = await (await auditor.GetAsync("/api/platform/audit-entries?action=deputies.personal_data.revealed&pageSize=200")).Content.ReadAsStringAsync();
        audit.Should().Contain(created.Id.ToString()).And.Contain("通知参加集中视察");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task One_person_with_seats_in_two_tenants_is_one_file_seen_by_each_through_its_own_seat_and_nowhere_else(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var township = factory.As("reg-staff-xinchang", Demo.Township, "staff");
        var district = factory.As("reg-staff-liucheng", Demo.District, "staff");
        var supervisor = factory.As("reg-supervisor", Demo.District, "staff", "supervisor");
        var sibling = factory.As("reg-staff-xiliu", Demo.Sibling, "staff");
        var name = Name();
        var mobile = Mobile();

        var first = await RegisterAsync(township, name, mobile, Seat("Township", 18));
        var second = await RegisterAsync(district, name, mobile, Seat("District", 17));
        second.Id.Should().Be(first.Id, "the mobile makes one person of two rosters");

        var seenByTownship = await (await township.GetAsync($"{Api}/{first.Id}")).ReadAsync<DeputyView>();
        seenByTownship.Seats.Should().ContainSingle().Which.Level.Should().Be("Township");
        var seenByDistrict = await (await district.GetAsync($"{Api}/{first.Id}")).ReadAsync<DeputyView>();
        seenByDistrict.Seats.Should().ContainSingle().Which.Level.Should().Be("District");
        var supervised = await (await supervisor.GetAsync($"{Api}/{first.Id}")).ReadAsync<DeputyView>();
        supervised.Seats.Select(s => s.Level).Should().BeEquivalentTo(["Township", "District"]);
        (await ListAsync(supervisor, $"search={Uri.EscapeDataString(name)}")).Items.Should().ContainSingle().Which.Seats.Should().HaveCount(2);
        // The list's rows carry only the seats the caller sees (the page and its seats are read in one statement).
        (await ListAsync(township, $"search={Uri.EscapeDataString(name)}")).Items.Should().ContainSingle()
            .Which.Seats.Should().ContainSingle().Which.Level.Should().Be("Township");
        (await ListAsync(district, $"search={Uri.EscapeDataString(name)}")).Items.Should().ContainSingle()
            .Which.Seats.Should().ContainSingle().Which.Level.Should().Be("District");

        await (await sibling.GetAsync($"{Api}/{first.Id}")).ProblemAsync(404);
        (await ListAsync(sibling, $"search={Uri.EscapeDataString(name)}")).Items.Should().BeEmpty();
        (await ListAsync(sibling, $"search={mobile}")).Items.Should().BeEmpty();

        // The same mobile under another name is a typing error, not the same person.
        (await (await district.PostJsonAsync(Api, Person(Name(), mobile, Seat("City", 16)))).ProblemAsync(409))
            .GetProperty("code").GetString().Should().Be("deputies.mobile_taken");
        // A second serving seat of the same level and term in the same tenant is refused.
        (await (await township.PostJsonAsync($"{Api}/{first.Id}/seats", Seat("Township", 18))).ProblemAsync(422))
            .GetProperty("code").GetString().Should().Be("deputies.duplicate_seat");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Seats_are_added_for_a_by_election_and_ended_with_a_date_and_reason(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("reg-staff-nanhu", "nanhu", "staff");
        var supervisor = factory.As("reg-supervisor-seat", Demo.District, "staff", "supervisor");
        var deputy = await RegisterAsync(staff, Name(), Mobile());

        var xinchang = await factory.TenantAsync(Demo.Township);
        var withBy = await (await supervisor.PostJsonAsync($"{Api}/{deputy.Id}/seats", Seat("Township", 18, xinchang.Id, byElection: true))).ReadAsync<DeputyView>();
        withBy.Seats.Should().Contain(s => s.Level == "Township" && s.ByElection && s.TenantId == xinchang.Id);
        // A street cannot place a seat in another tenant: as if it did not exist.
        (await (await staff.PostJsonAsync($"{Api}/{deputy.Id}/seats", Seat("City", 16, xinchang.Id))).ProblemAsync(404)).GetProperty("code").GetString().Should().Be("not_found");

        var seat = deputy.Seats.Single();
        var ended = await (await staff.PostJsonAsync($"{Api}/{deputy.Id}/seats/{seat.Id}/end",
            new { status = "Resigned", endedOn = "2024-03-20", reason = "工作调动", version = seat.Version })).ReadAsync<DeputyView>();
        ended.Seats.Single().Should().Match<SeatView>(s => s.Status == "Resigned" && s.EndedOn == new DateOnly(2024, 3, 20) && s.EndReason == "工作调动");
        (await ListAsync(staff, $"search={Uri.EscapeDataString(deputy.Name)}&status=Serving")).Items.Should().BeEmpty();
        (await ListAsync(staff, $"search={Uri.EscapeDataString(deputy.Name)}&status=Resigned")).Items.Should().ContainSingle();

        var again = await staff.PostJsonAsync($"{Api}/{deputy.Id}/seats/{seat.Id}/end",
            new { status = "TermEnded", endedOn = "2024-04-01", reason = (string?)null, version = ended.Seats.Single().Version });
        (await again.ProblemAsync(422)).GetProperty("code").GetString().Should().Be("deputies.seat_not_serving");
        var noReason = await supervisor.PostJsonAsync($"{Api}/{deputy.Id}/seats/{withBy.Seats.Single(s => s.Level == "Township").Id}/end",
            new { status = "Terminated", endedOn = "2024-04-01", reason = "", version = withBy.Seats.Single(s => s.Level == "Township").Version });
        (await noReason.ProblemAsync(400)).GetProperty("errors").GetProperty("reason")[0].GetString().Should().Contain("原因");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Inviting_opens_the_account_with_a_deputy_membership_per_seat_once_and_a_later_seat_adds_its_membership(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("reg-staff-beitang", "beitang", "staff");
        var township = factory.As("reg-staff-qingshan", "qingshan", "staff");
        var secadmin = factory.As("reg-secadmin", Demo.District, "security-admin", "supervisor");
        var name = Name();
        var mobile = Mobile();
        var deputy = await RegisterAsync(staff, name, mobile);

        var invitation = await (await staff.PostJsonAsync($"{Api}/{deputy.Id}/invite", new { })).ReadAsync<InvitationView>();
        invitation.Should().Match<InvitationView>(i => i.AccountCreated && i.UserName == mobile && i.TemporaryPassword!.Length >= 12 && i.MembershipsAdded == 1 && i.AccountActive);
        var user = await (await secadmin.GetAsync($"/api/identity/users/{invitation.UserId}")).ReadAsync<JsonElement>();
        user.GetProperty("mustChangePassword").GetBoolean().Should().BeTrue();
        user.GetProperty("displayName").GetString().Should().Be(name);
        Memberships(user).Should().BeEquivalentTo([("北塘街道人大工委", "deputy")]);

        var again = await (await staff.PostJsonAsync($"{Api}/{deputy.Id}/invite", new { })).ReadAsync<InvitationView>();
        again.Should().Match<InvitationView>(i => !i.AccountCreated && i.TemporaryPassword == null && i.MembershipsAdded == 0 && i.UserId == invitation.UserId);
        var profile = await (await staff.GetAsync($"{Api}/{deputy.Id}")).ReadAsync<DeputyView>();
        profile.UserId.Should().Be(invitation.UserId);
        profile.InvitedAtUtc.Should().NotBeNull();

        // The township registers the same person: the account gets the deputy role there too, no second account.
        var second = await RegisterAsync(township, name, mobile, Seat("Township", 18));
        second.Id.Should().Be(deputy.Id);
        user = await (await secadmin.GetAsync($"/api/identity/users/{invitation.UserId}")).ReadAsync<JsonElement>();
        Memberships(user).Should().BeEquivalentTo([("北塘街道人大工委", "deputy"), ("青山镇人大主席团", "deputy")]);
        var accounts = await (await secadmin.GetAsync($"/api/identity/users?search={mobile}")).ReadAsync<Paged<JsonElement>>();
        accounts.Total.Should().Be(1);

        // A supervisor adds a seat organised by a third tenant: the deputy role follows it there.
        var nanhu = await factory.TenantAsync("nanhu");
        var supervisor = factory.As("reg-supervisor-invite", Demo.District, "staff", "supervisor");
        await (await supervisor.PostJsonAsync($"{Api}/{deputy.Id}/seats", Seat("City", 16, nanhu.Id))).ReadAsync<DeputyView>();
        user = await (await secadmin.GetAsync($"/api/identity/users/{invitation.UserId}")).ReadAsync<JsonElement>();
        Memberships(user).Should().BeEquivalentTo([("北塘街道人大工委", "deputy"), ("青山镇人大主席团", "deputy"), ("南湖街道人大工委", "deputy")]);

        // The membership was told to the person through the outbox.
        (await factory.DispatchOutboxAsync()).Should().BeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Consent_is_recorded_with_its_history_and_public_cards_show_only_what_stands(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("reg-staff-consent", Demo.Street, "staff");
        var mobile = Mobile();
        var deputy = await RegisterAsync(staff, Name(), mobile);

        var granted = await (await staff.PostJsonAsync($"{Api}/{deputy.Id}/consents", new { item = "Phone", granted = true, note = "本人签署授权书" })).ReadAsync<DeputyView>();
        granted.Consents.Single(c => c.Item == "Phone").Granted.Should().BeTrue();
        granted.ConsentHistory.Should().ContainSingle().Which.Should().Match<ConsentRecordView>(r => r.Granted && r.Note == "本人签署授权书" && r.RecordedByName == "reg-staff-consent");
        await staff.PostJsonAsync($"{Api}/{deputy.Id}/consents", new { item = "WorkUnit", granted = true, note = "电话确认" });

        var cards = await CardsAsync(factory, deputy.Id);
        cards.Single().Should().Match<PublicDeputyCardDto>(c => c.Mobile == mobile && c.WorkUnit == "东柳街道中心小学 教师" && c.Email == null && c.PhotoAttachmentId == null);

        var revoked = await (await staff.PostJsonAsync($"{Api}/{deputy.Id}/consents", new { item = "Phone", granted = false, note = (string?)null })).ReadAsync<DeputyView>();
        revoked.Consents.Single(c => c.Item == "Phone").Granted.Should().BeFalse();
        revoked.ConsentHistory.Should().HaveCount(3);
        (await CardsAsync(factory, deputy.Id)).Single().Mobile.Should().BeNull();

        (await (await staff.PostJsonAsync($"{Api}/{deputy.Id}/consents", new { item = "Email", granted = true, note = "" })).ProblemAsync(400))
            .GetProperty("errors").GetProperty("note")[0].GetString().Should().Contain("依据");
        (await (await staff.GetAsync($"{Api}/{deputy.Id}")).ReadAsync<DeputyView>()).ConsentHistory.Should().HaveCount(3);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Every_endpoint_refuses_another_tenant_and_a_missing_permission(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("reg-staff-scope", Demo.Street, "staff");
        var sibling = factory.As("reg-sibling-scope", Demo.Sibling, "staff", "tenant-admin");
        var leader = factory.As("reg-leader-scope", Demo.Street, "leader");
        var deputyRole = factory.As("reg-deputy-scope", Demo.Street, "deputy");
        var deputy = await RegisterAsync(staff, Name(), Mobile());
        var seat = deputy.Seats.Single();
        var id = deputy.Id;
        var update = new
        {
            name = "改名", gender = "Male", ethnicity = "汉族", birthYear = 1970, party = "群众", education = (string?)null, occupation = (string?)null,
            workUnit = (string?)null, mobile = Mobile(), email = (string?)null, version = deputy.Version,
        };

        await (await sibling.GetAsync($"{Api}/{id}")).ProblemAsync(404);
        await (await sibling.PutJsonAsync($"{Api}/{id}", update)).ProblemAsync(404);
        await (await sibling.PostJsonAsync($"{Api}/{id}/seats", Seat("City", 16))).ProblemAsync(404);
        await (await sibling.PostJsonAsync($"{Api}/{id}/seats/{seat.Id}/end", new { status = "Resigned", endedOn = "2024-01-01", reason = "x", version = seat.Version })).ProblemAsync(404);
        await (await sibling.PostJsonAsync($"{Api}/{id}/consents", new { item = "Phone", granted = true, note = "x" })).ProblemAsync(404);
        await (await sibling.PostJsonAsync($"{Api}/{id}/contact", new { reason = "x" })).ProblemAsync(404);
        await (await sibling.PostJsonAsync($"{Api}/{id}/invite", new { })).ProblemAsync(404);
        await (await sibling.PutJsonAsync($"{Api}/{id}/photo", new { attachmentId = (Guid?)null })).ProblemAsync(404);

        await (await deputyRole.GetAsync(Api)).ProblemAsync(403);
        await (await deputyRole.GetAsync($"{Api}/{id}")).ProblemAsync(403);
        (await leader.GetAsync($"{Api}/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await leader.PostJsonAsync(Api, Person(Name(), Mobile(), Seat()))).ProblemAsync(403);
        await (await leader.PutJsonAsync($"{Api}/{id}", update)).ProblemAsync(403);
        await (await leader.PostJsonAsync($"{Api}/{id}/seats", Seat("City", 16))).ProblemAsync(403);
        await (await leader.PostJsonAsync($"{Api}/{id}/consents", new { item = "Phone", granted = true, note = "x" })).ProblemAsync(403);
        await (await leader.PostJsonAsync($"{Api}/{id}/contact", new { reason = "x" })).ProblemAsync(403);
        await (await leader.PostJsonAsync($"{Api}/{id}/invite", new { })).ProblemAsync(403);
        await (await leader.GetAsync($"{Api}/import-template")).ProblemAsync(403);
        await (await leader.PostAsync($"{Api}/import", File("a.csv", Csv(true, Row(Name(), Mobile()))))).ProblemAsync(403);

        var after = await (await staff.GetAsync($"{Api}/{id}")).ReadAsync<DeputyView>();
        after.Should().BeEquivalentTo(deputy);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Bad_input_is_a_400_in_Chinese_and_changes_nothing(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("reg-staff-bad", Demo.Street, "staff");
        var name = Name();

        var problem = await (await staff.PostJsonAsync(Api, Person(name, "12345", Seat(term: 0), email: "not-an-email"))).ProblemAsync(400);
        problem.GetProperty("detail").GetString().Should().Be("提交的内容有误,请检查后重试。");
        var errors = problem.GetProperty("errors");
        errors.GetProperty("mobile")[0].GetString().Should().Contain("11 位数字");
        errors.GetProperty("email")[0].GetString().Should().Contain("电子邮箱");
        errors.GetProperty("seat.term")[0].GetString().Should().Contain("届次");
        (await (await staff.PostJsonAsync(Api, Person("", Mobile(), Seat()))).ProblemAsync(400)).GetProperty("errors").GetProperty("name")[0].GetString().Should().Contain("姓名");
        (await (await staff.PostAsync(Api, Http.RawJson("{\"name\":\"x\",\"tenantPath\":\"/\"}"))).ProblemAsync(400)).GetProperty("code").GetString()
            .Should().Be("request.unknown_field");
        (await (await staff.GetAsync($"{Api}?level=Galaxy")).ProblemAsync(400)).GetProperty("code").GetString().Should().NotBeNullOrEmpty();
        (await (await staff.GetAsync($"{Api}?term=0")).ProblemAsync(400)).GetProperty("errors").GetProperty("term")[0].GetString().Should().Contain("届次");

        (await ListAsync(staff, $"search={Uri.EscapeDataString(name)}")).Total.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_demo_deputies_are_linked_to_their_accounts_and_seen_where_their_seats_are(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var dongliu = factory.As("reg-demo-dongliu", Demo.Street, "staff");
        var xinchang = factory.As("reg-demo-xinchang", Demo.Township, "staff");
        var district = factory.As("reg-demo-district", Demo.District, "staff");
        var supervisor = factory.As("reg-demo-supervisor", Demo.District, "staff", "supervisor");

        var li = (await ListAsync(dongliu, "search=13800000002")).Items.Should().ContainSingle().Subject;
        li.Name.Should().Be("李秀英");
        li.Invited.Should().BeTrue();
        var wangTownship = (await ListAsync(xinchang, "search=13800000001")).Items.Should().ContainSingle().Subject;
        wangTownship.Seats.Should().ContainSingle().Which.Level.Should().Be("Township");
        (await ListAsync(district, "search=13800000001")).Items.Should().ContainSingle().Which.Seats.Should().ContainSingle().Which.Level.Should().Be("District");
        (await ListAsync(supervisor, "search=13800000001")).Items.Single().Seats.Should().HaveCount(2);

        var dongliuList = await ListAsync(dongliu, "pageSize=200");
        dongliuList.Items.Count(d => d.Mobile!.StartsWith("139****", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(20);
        (await ListAsync(supervisor, "status=Resigned&pageSize=200")).Items.Should().Contain(d => d.Seats.Any(s => s.Status == "Resigned" && s.TenantName == "西柳街道人大工委"));
        (await ListAsync(supervisor, "pageSize=200")).Items.SelectMany(d => d.Seats).Should().Contain(s => s.ByElection);
    }

    private static IEnumerable<(string Tenant, string Roles)> Memberships(JsonElement user) =>
        user.GetProperty("memberships").EnumerateArray()
            .Select(m => (m.GetProperty("tenantName").GetString()!, string.Join(',', m.GetProperty("roles").EnumerateArray().Select(r => r.GetString()))));

    private static async Task<IReadOnlyList<PublicDeputyCardDto>> CardsAsync(PlatformFactory factory, Guid id)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetPublicDeputyCardsQuery([id]));
    }
}
