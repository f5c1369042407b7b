using System.Net;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Deputies.Contracts;
using CongressPlatform.Modules.Deputies.Domain;
using CongressPlatform.Modules.Deputies.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Deputies;

[Collection(PlatformCollection.Name)]
public sealed class DutyArchiveTests(Platforms platforms)
{
    private static string Records(Guid deputyId) => $"/api/deputies/deputies/{deputyId}/duty-records";

    private static async Task<List<RecordView>> TimelineAsync(HttpClient client, Guid deputyId, string query = "") =>
        (await (await client.GetAsync(Records(deputyId) + query)).ReadAsync<Paged<RecordView>>()).Items;

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Records_are_never_changed_a_correction_replaces_or_withdraws_and_the_original_stays_marked(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-archive", Demo.Street, "staff");
        var deputy = await ArchiveSeed.DeputyAsync(factory, Demo.Street, "档案甲");

        var study = await (await staff.PostJsonAsync(Records(deputy), new
        {
            kind = "StudyAttended", title = "学习《代表法》", occurredOn = "2025-03-02", attendance = "Attended", leaveReason = (string?)null, evidence = "签到表",
        })).ReadAsync<RecordView>();
        var deed = await (await staff.PostJsonAsync($"/api/deputies/deputies/{deputy}/deeds", new
        {
            type = "ForPeople", title = "协调加装电梯", occurredOn = "2025-04-10", beneficiaries = "3幢居民", beneficiaryCount = 18, amount = 320000m, evidence = "照片",
        })).ReadAsync<RecordView>();
        deed.Kind.Should().Be("DeedForPeople");
        deed.Title.Should().Be("为民办实事:协调加装电梯");
        deed.Amount.Should().Be(320000m);
        deed.BeneficiaryCount.Should().Be(18);

        // A correction without a reason is refused; one with a reason replaces the kind and keeps the rest.
        (await (await staff.PostJsonAsync($"/api/deputies/duty-records/{study.Id}/corrections", new { reason = "", withdraw = false }))
            .ProblemAsync(400)).GetProperty("errors").GetProperty("reason")[0].GetString().Should().Contain("原因");
        var replaced = await (await staff.PostJsonAsync($"/api/deputies/duty-records/{study.Id}/corrections",
            new { reason = "实为小组活动", withdraw = false, kind = "GroupActivity" })).ReadAsync<RecordView>();
        replaced.CorrectsRecordId.Should().Be(study.Id);
        replaced.Kind.Should().Be("GroupActivity");
        replaced.Title.Should().Be(study.Title);
        replaced.Counts.Should().BeTrue();
        var withdrawal = await (await staff.PostJsonAsync($"/api/deputies/duty-records/{deed.Id}/corrections",
            new { reason = "重复登记", withdraw = true })).ReadAsync<RecordView>();
        withdrawal.Withdrawn.Should().BeTrue();
        withdrawal.Counts.Should().BeFalse();
        withdrawal.Amount.Should().Be(320000m);

        // The same original cannot be corrected twice: the latest record is corrected instead.
        (await (await staff.PostJsonAsync($"/api/deputies/duty-records/{study.Id}/corrections", new { reason = "再改", withdraw = true }))
            .ProblemAsync(422)).GetProperty("code").GetString().Should().Be("deputies.already_corrected");

        var timeline = await TimelineAsync(staff, deputy);
        timeline.Should().HaveCount(4, "corrections are added, nothing is changed or removed");
        timeline.Select(r => r.OccurredOn).Should().BeInDescendingOrder();
        var original = timeline.Single(r => r.Id == study.Id);
        original.Kind.Should().Be("StudyAttended");
        original.Counts.Should().BeFalse();
        original.CorrectedBy.Should().BeEquivalentTo(new CorrectionView(replaced.Id, "实为小组活动", false));
        timeline.Single(r => r.Id == deed.Id).CorrectedBy!.Withdrawn.Should().BeTrue();
        (await TimelineAsync(staff, deputy, "?kind=GroupActivity")).Should().ContainSingle().Which.Id.Should().Be(replaced.Id);
        var paged = await (await staff.GetAsync(Records(deputy) + "?page=2&pageSize=3")).ReadAsync<Paged<RecordView>>();
        paged.Total.Should().Be(4);
        paged.Items.Should().ContainSingle();

        // Only the replacement counts now: 2 points of a group activity, nothing for the study or the withdrawn deed.
        var points = await PointsAsync(factory, 2025, deputy);
        points.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_leave_needs_its_reason_is_shown_and_earns_nothing(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-leave", Demo.Street, "staff");
        var deputy = await ArchiveSeed.DeputyAsync(factory, Demo.Street, "请假乙");

        (await (await staff.PostJsonAsync(Records(deputy), new { kind = "StudyAttended", title = "集中学习", occurredOn = "2025-05-02", attendance = "Leave" }))
            .ProblemAsync(422)).GetProperty("code").GetString().Should().Be("deputies.leave_reason");
        (await (await staff.PostJsonAsync(Records(deputy), new { kind = "StudyAttended", title = "集中学习", occurredOn = "2099-05-02", attendance = "Attended" }))
            .ProblemAsync(400)).GetProperty("code").GetString().Should().Be("validation");
        var leave = await (await staff.PostJsonAsync(Records(deputy),
            new { kind = "StudyAttended", title = "集中学习", occurredOn = "2025-05-02", attendance = "Leave", leaveReason = "出差外地" })).ReadAsync<RecordView>();
        await (await staff.PostJsonAsync(Records(deputy),
            new { kind = "InspectionJoined", title = "视察防汛", occurredOn = "2025-05-20", attendance = "Absent" })).ReadAsync<RecordView>();

        var timeline = await TimelineAsync(staff, deputy);
        timeline.Should().HaveCount(2);
        timeline.Single(r => r.Id == leave.Id).Should().Match<RecordView>(r => r.Attendance == "Leave" && r.LeaveReason == "出差外地" && !r.Counts);
        (await PointsAsync(factory, 2025, deputy)).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_duty_event_delivered_twice_through_the_outbox_makes_one_record(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var deputy = await ArchiveSeed.DeputyAsync(factory, Demo.Street, "事件丙");
        var tenant = await factory.TenantAsync(Demo.Street);
        var sourceId = Guid.NewGuid().ToString();
        var e = new DutyPerformedIntegrationEvent(deputy, tenant.Id, DutyKind.StationDutyServed, new DateOnly(2025, 6, 3), "东柳社区联络站进站接待",
            "stations", sourceId);
        for (var i = 0; i < 2; i++)
        {
            using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
            var db = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
            db.Publish(e with { EventId = Guid.CreateVersion7() });
            await db.SaveChangesAsync();
        }
        await factory.DispatchOutboxAsync();

        var timeline = await TimelineAsync(factory.As("staff-events", Demo.Street, "staff"), deputy);
        timeline.Should().ContainSingle().Which.Should().Match<RecordView>(r => r.Kind == "StationDutyServed" && r.Counts);
        (await PointsAsync(factory, 2025, deputy)).Should().Be(3, "one station duty at 3 points, counted once");
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
            (await db.DutyTotals.Where(t => t.DeputyId == deputy).SumAsync(t => t.Count)).Should().Be(1);
        }
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_duty_list_shows_progress_from_the_archive(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-list", Demo.Street, "staff");
        var deputy = await ArchiveSeed.DeputyAsync(factory, Demo.Street, "清单丁");
        var url = $"/api/deputies/deputies/{deputy}/duty-list";

        var planned = await (await staff.PutJsonAsync($"{url}/2025", new
        {
            items = new object[] { new { kind = "StudyAttended", targetCount = 3, note = "每月集中学习" }, new { kind = "InspectionJoined", targetCount = 1 } },
            version = (Guid?)null,
        })).ReadAsync<DutyListView>();
        planned.Items.Should().OnlyContain(i => i.Done == 0);
        for (var month = 1; month <= 3; month++)
        {
            await (await staff.PostJsonAsync(Records(deputy), new { kind = "StudyAttended", title = "集中学习", occurredOn = $"2025-0{month}-02", attendance = "Attended" }))
                .ReadAsync<RecordView>();
        }
        var mistaken = (await TimelineAsync(staff, deputy)).First();
        await (await staff.PostJsonAsync($"/api/deputies/duty-records/{mistaken.Id}/corrections", new { reason = "未到会", withdraw = true })).ReadAsync<RecordView>();
        await (await staff.PostJsonAsync(Records(deputy), new { kind = "InspectionJoined", title = "视察", occurredOn = "2025-06-02", attendance = "Attended" }))
            .ReadAsync<RecordView>();
        await (await staff.PostJsonAsync(Records(deputy), new { kind = "InspectionJoined", title = "去年的视察", occurredOn = "2024-06-02", attendance = "Attended" }))
            .ReadAsync<RecordView>();

        var list = await (await staff.GetAsync($"{url}?year=2025")).ReadAsync<DutyListView>();
        list.Items.Should().BeEquivalentTo(
        [
            new DutyListItemView("StudyAttended", 3, "每月集中学习", 2, false),
            new DutyListItemView("InspectionJoined", 1, null, 1, true),
        ]);
        list.PlannedTotal.Should().Be(4);
        list.DoneTotal.Should().Be(3);

        var stale = await staff.PutJsonAsync($"{url}/2025", new { items = Array.Empty<object>(), version = Guid.NewGuid() });
        (await stale.ProblemAsync(409)).GetProperty("code").GetString().Should().Be("concurrency");
        (await (await staff.PutJsonAsync($"{url}/2025", new { items = new object[] { new { kind = "StudyAttended", targetCount = 0 } }, version = list.Version }))
            .ProblemAsync(400)).GetProperty("code").GetString().Should().Be("validation");

        var sibling = factory.As("staff-list-xiliu", Demo.Sibling, "staff", "leader");
        (await sibling.GetAsync($"{url}?year=2025")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await sibling.PutJsonAsync($"{url}/2025", new { items = Array.Empty<object>(), version = list.Version })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_deputy_sees_only_their_own_archive(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var userName = ArchiveSeed.Unique("deputy.me.");
        var staff = factory.As("staff-me", Demo.Street, "staff");
        var me = await ArchiveSeed.DeputyAsync(factory, Demo.Street, "本人戊", userName);
        var other = await ArchiveSeed.DeputyAsync(factory, Demo.Street, "他人己", ArchiveSeed.Unique("deputy.other."));
        var year = DateTime.UtcNow.AddHours(8).Year;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await (await staff.PostJsonAsync(Records(me), new { kind = "SuggestionRaised", title = "关于增设公交站点的建议", occurredOn = $"{today:yyyy-MM-dd}", attendance = "Attended" }))
            .ReadAsync<RecordView>();
        await (await staff.PostJsonAsync(Records(me), new { kind = "StudyAttended", title = "集中学习", occurredOn = $"{today:yyyy-MM-dd}", attendance = "Leave", leaveReason = "生病" }))
            .ReadAsync<RecordView>();
        await (await staff.PostJsonAsync(Records(other), new { kind = "StudyAttended", title = "他人的学习", occurredOn = $"{today:yyyy-MM-dd}", attendance = "Attended" }))
            .ReadAsync<RecordView>();

        var deputy = factory.As(userName, Demo.Street, "deputy");
        var summary = await (await deputy.GetAsync("/api/deputies/me")).ReadAsync<MyArchiveView>();
        summary.Linked.Should().BeTrue();
        summary.DeputyId.Should().Be(me);
        summary.Name.Should().Be("本人戊");
        summary.Year.Should().Be(year);
        summary.Points.Should().BeGreaterThan(0);
        summary.Rank.Should().NotBeNull();
        summary.Leaves.Should().Be(1);
        var mine = await (await deputy.GetAsync("/api/deputies/me/duty-records")).ReadAsync<Paged<RecordView>>();
        mine.Items.Should().HaveCount(2).And.OnlyContain(r => r.DeputyId == me);
        (await (await deputy.GetAsync("/api/deputies/me/duty-list")).ReadAsync<DutyListView>()).DeputyId.Should().Be(me);

        // The deputy role reaches no one else's archive, and an account without a deputy file finds none.
        (await deputy.GetAsync(Records(other))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await deputy.GetAsync($"/api/deputies/rankings?year={year}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var nobody = factory.As(ArchiveSeed.Unique("deputy.nobody."), Demo.Street, "deputy");
        (await (await nobody.GetAsync("/api/deputies/me")).ReadAsync<MyArchiveView>()).Should().Match<MyArchiveView>(m => !m.Linked && m.DeputyId == null && m.Points == 0);
        (await (await nobody.GetAsync("/api/deputies/me/duty-records")).ProblemAsync(404)).GetProperty("code").GetString().Should().Be("deputies.not_a_deputy");
        // Signed in at another street, the same person's file is not there.
        var elsewhere = factory.As(userName, Demo.Sibling, "deputy");
        (await (await elsewhere.GetAsync("/api/deputies/me")).ReadAsync<MyArchiveView>()).Linked.Should().BeFalse();
        (await elsewhere.GetAsync("/api/deputies/me/duty-records")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await staff.GetAsync("/api/deputies/me")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Every_archive_endpoint_refuses_a_missing_permission_and_another_tenant(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var staff = factory.As("staff-perm", Demo.Street, "staff");
        var deputy = await ArchiveSeed.DeputyAsync(factory, Demo.Street, "权限庚");
        var record = await (await staff.PostJsonAsync(Records(deputy), new { kind = "StudyAttended", title = "集中学习", occurredOn = "2025-02-02", attendance = "Attended" }))
            .ReadAsync<RecordView>();
        var body = new { kind = "StudyAttended", title = "集中学习", occurredOn = "2025-02-03", attendance = "Attended" };
        var deed = new { type = "ForPeople", title = "助学", occurredOn = "2025-02-03", beneficiaries = "学生", beneficiaryCount = 1, amount = 100m };
        var correction = new { reason = "错登", withdraw = true };

        var keeper = factory.As("keeper-perm", Demo.Street, "station-keeper");
        (await keeper.GetAsync(Records(deputy))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await keeper.PostJsonAsync(Records(deputy), body)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await keeper.PostJsonAsync($"/api/deputies/deputies/{deputy}/deeds", deed)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await keeper.PostJsonAsync($"/api/deputies/duty-records/{record.Id}/corrections", correction)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await keeper.GetAsync($"/api/deputies/deputies/{deputy}/duty-list?year=2025")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await keeper.GetAsync("/api/deputies/groups")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await keeper.GetAsync("/api/deputies/presidium-contacts")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await keeper.GetAsync("/api/deputies/rankings?year=2025")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await keeper.GetAsync("/api/deputies/me")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await factory.CreateClient().GetAsync(Records(deputy))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var sibling = factory.As("staff-perm-xiliu", Demo.Sibling, "staff", "leader", "tenant-admin");
        (await sibling.GetAsync(Records(deputy))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await sibling.PostJsonAsync(Records(deputy), body)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await sibling.PostJsonAsync($"/api/deputies/deputies/{deputy}/deeds", deed)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await sibling.PostJsonAsync($"/api/deputies/duty-records/{record.Id}/corrections", correction)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await TimelineAsync(staff, deputy)).Should().ContainSingle().Which.CorrectedBy.Should().BeNull();

        // The district supervisor reads the street's archive but records nothing there.
        var supervisor = factory.As("supervisor-perm", Demo.District, "supervisor");
        (await TimelineAsync(supervisor, deputy)).Should().ContainSingle();
        (await supervisor.PostJsonAsync(Records(deputy), body)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    /// <summary>The deputy's points of a year through the one calculator, in a system scope.</summary>
    internal static async Task<int> PointsAsync(PlatformFactory factory, int year, Guid deputyId)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var points = scope.ServiceProvider.GetRequiredService<CongressPlatform.Modules.Deputies.Points.IDutyPoints>();
        var result = await points.ForPeriodAsync(year, null, [deputyId], CancellationToken.None);
        return result.SingleOrDefault()?.Total ?? 0;
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_deputy_with_seats_in_two_organisations_reads_one_file_with_the_records_of_both(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        var userName = ArchiveSeed.Unique("deputy.two.");
        var street = await factory.TenantAsync(Demo.Street);
        var township = await factory.TenantAsync(Demo.Township);
        Guid me;
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DeputiesDbContext>();
            var deputy = new Deputy(new DeputyDetails("两地庚", Gender.Male, null, 1970, "中共党员", null, "农民", null,
                $"136{Random.Shared.Next(10_000_000, 99_999_999)}", null), DateTime.UtcNow);
            deputy.AddSeat(new SeatDetails(SeatLevel.District, 17, "第一选区", new DateOnly(2021, 11, 1), false, street.Id, street.Path));
            deputy.AddSeat(new SeatDetails(SeatLevel.Township, 18, "第二选区", new DateOnly(2021, 11, 1), false, township.Id, township.Path));
            deputy.LinkAccount(ArchiveSeed.DevUserId(userName), DateTime.UtcNow);
            db.Deputies.Add(deputy);
            await db.SaveChangesAsync();
            me = deputy.Id;
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await (await factory.As("staff-two-st", Demo.Street, "staff").PostJsonAsync(Records(me),
            new { kind = "StudyAttended", title = "街道集中学习", occurredOn = $"{today:yyyy-MM-dd}", attendance = "Attended" })).ReadAsync<RecordView>();
        await (await factory.As("staff-two-tw", Demo.Township, "staff").PostJsonAsync(Records(me),
            new { kind = "InspectionJoined", title = "镇人大视察", occurredOn = $"{today:yyyy-MM-dd}", attendance = "Attended" })).ReadAsync<RecordView>();

        // Signed in at either organisation, the deputy's own timeline holds both, each named by its organisation.
        foreach (var tenant in new[] { Demo.Street, Demo.Township })
        {
            var mine = await (await factory.As(userName, tenant, "deputy").GetAsync("/api/deputies/me/duty-records")).ReadAsync<Paged<RecordView>>();
            mine.Items.Select(r => (r.Title, r.TenantName)).Should().BeEquivalentTo(new[]
            {
                ("街道集中学习", (string?)"东柳街道人大工委"), ("镇人大视察", (string?)"新昌镇人大主席团"),
            });
        }
        // The office still sees only its own records of the person.
        var streetView = await (await factory.As("staff-two-st", Demo.Street, "staff").GetAsync(Records(me))).ReadAsync<Paged<RecordView>>();
        streetView.Items.Select(r => r.Title).Should().Equal("街道集中学习");
        streetView.Items[0].TenantName.Should().Be("东柳街道人大工委");
    }
}

public sealed record DutyListItemView(string Kind, int TargetCount, string? Note, int Done, bool Completed);

public sealed record DutyListView(Guid DeputyId, int Year, Guid? Id, Guid? Version, List<DutyListItemView> Items, int PlannedTotal, int DoneTotal);

public sealed record MyArchiveView(bool Linked, Guid? DeputyId, string Name, string TenantName, int Year, int Points, int? Rank, int RankedCount, int Records, int Leaves, int Absences);
