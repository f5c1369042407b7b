using System.Text.Json;
using System.Net.Http.Json;
using CongressPlatform.EndToEndTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace CongressPlatform.EndToEndTests;

/// <summary>
/// Residents' opinions in Debian chromium: on a 360 px phone a resident leaves an opinion from a station's link and reads
/// its status by the tracking code; staff see it in the inbox and refer it to the street office; the office's officer
/// answers under "指派给我"; staff feed the answer back; the resident reads the answer and rates it. axe on each page.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class OpinionTests(EndToEnd e2e)
{
    /// <summary>A community station of 东柳街道 with one deputy, written into the host's database (the station API is another branch's).</summary>
    private async Task<(Guid Station, Guid Deputy)> SeedStationAsync(string name, string deputyName)
    {
        using var http = new HttpClient { BaseAddress = new Uri(e2e.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Dev-User", "e2e-op-staff");
        http.DefaultRequestHeaders.Add("X-Dev-Tenant", "dongliu");
        http.DefaultRequestHeaders.Add("X-Dev-Roles", "staff");
        var tenants = await http.GetFromJsonAsync<JsonElement>("/api/identity/tenants");
        var dongliu = tenants.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "dongliu");
        var (tenantId, path) = (dongliu.GetProperty("id").GetGuid(), dongliu.GetProperty("path").GetString()!);
        var (station, deputy) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        string G(Guid g) => g.ToString().ToUpperInvariant();
        await using var db = new SqliteConnection($"Data Source={e2e.Host.DatabasePath}");
        await db.OpenAsync();
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
        var command = db.CreateCommand();
        command.CommandText = """
            INSERT INTO stations_stations (Id, TenantId, TenantPath, Version, Kind, ParentId, Name, Community, Address, OpeningHours, IsActive, CreatedAtUtc, UpdatedAtUtc)
            VALUES ($station, $tenant, $path, $v1, 2, NULL, $name, '柳岸社区', '东柳街道柳岸路 8 号', '每周一至周五 9:00–11:30', 1, $now, $now);
            INSERT INTO stations_station_deputies (Id, TenantId, TenantPath, Version, StationId, DeputyId, DeputyName, AssignedOn)
            VALUES ($assignment, $tenant, $path, $v2, $station, $deputy, $deputyName, '2026-01-01');
            """;
        command.Parameters.AddWithValue("$station", G(station));
        command.Parameters.AddWithValue("$deputy", G(deputy));
        command.Parameters.AddWithValue("$assignment", G(Guid.CreateVersion7()));
        command.Parameters.AddWithValue("$v1", G(Guid.NewGuid()));
        command.Parameters.AddWithValue("$v2", G(Guid.NewGuid()));
        command.Parameters.AddWithValue("$tenant", G(tenantId));
        command.Parameters.AddWithValue("$path", path);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$deputyName", deputyName);
        command.Parameters.AddWithValue("$now", now);
        await command.ExecuteNonQueryAsync();
        return (station, deputy);
    }

    [Fact]
    public async Task A_resident_leaves_an_opinion_by_phone_staff_refer_it_the_officer_answers_and_the_resident_rates_the_answer()
    {
        var (station, deputy) = await SeedStationAsync("柳岸社区联络站", "李秀英");
        var content = $"柳岸小区东门路灯坏了一个多月,晚上出行不安全。{Guid.NewGuid():N}"[..40];

        // The resident, on a phone, from the station's QR code with the deputy's id.
        var (phoneContext, phone, phoneErrors) = await e2e.NewPageAsync(phone: true);
        await using var __ = phoneContext;
        await phone.SetViewportSizeAsync(360, 740);
        await phone.GotoAsync($"/p/opinions/new?station={station}&deputy={deputy}");
        await Assertions.Expect(phone.GetByTestId("opinion-deputy")).ToContainTextAsync("李秀英", new() { Timeout = 30_000 });
        await Assertions.Expect(phone.GetByTestId("opinion-contact-purpose")).ToContainTextAsync("仅用于向您反馈办理结果");
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360);
        (await EndToEnd.AccessibilityViolationsAsync(phone)).Should().BeEmpty();
        await phone.GetByTestId("opinion-content").FillAsync(content);
        await phone.GetByTestId("opinion-submit").ClickAsync();
        var codeText = phone.GetByTestId("opinion-code");
        await Assertions.Expect(codeText).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var code = (await codeText.InnerTextAsync()).Trim()[..10];
        await EndToEnd.ScreenshotAsync(phone, "opinion-submitted");
        (await EndToEnd.AccessibilityViolationsAsync(phone)).Should().BeEmpty();

        await phone.GotoAsync("/p/opinions/track");
        await phone.GetByTestId("track-code").FillAsync(code.ToLowerInvariant());
        await phone.GetByTestId("track-search").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("track-status")).ToHaveTextAsync("已受理", new() { Timeout = 15_000 });
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360);
        (await EndToEnd.AccessibilityViolationsAsync(phone)).Should().BeEmpty();

        // Staff: the inbox, the detail, the referral to the street office.
        var (staffContext, staff, staffErrors) = await e2e.NewPageAsync();
        await using (staffContext)
        {
            await staff.GotoAsync("/stations/opinions");
            await EndToEnd.SignInAsync(staff, "dongliu.staff");
            await staff.GotoAsync("/stations/opinions");
            await staff.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(staff.GetByTestId("detail-status")).ToHaveTextAsync("已受理", new() { Timeout = 15_000 });
            (await EndToEnd.AccessibilityViolationsAsync(staff)).Should().BeEmpty();
            await staff.GetByTestId("refer-unit").ClickAsync();
            await staff.Locator(".ant-select-item-option").Filter(new() { HasText = "办事处" }).First.ClickAsync();
            await staff.GetByTestId("refer-submit").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("detail-status")).ToHaveTextAsync("已转办", new() { Timeout = 15_000 });
            await EndToEnd.ScreenshotAsync(staff, "opinion-referred");
            staffErrors.Should().BeEmpty();
        }

        // The street office's officer answers.
        var (officerContext, officer, officerErrors) = await e2e.NewPageAsync();
        await using (officerContext)
        {
            await officer.GotoAsync("/stations/assigned-opinions");
            await EndToEnd.SignInAsync(officer, "unit.officer");
            await officer.GotoAsync("/stations/assigned-opinions");
            await Assertions.Expect(officer.GetByTestId($"assigned-{code}")).ToContainTextAsync(content[..10], new() { Timeout = 30_000 });
            (await EndToEnd.AccessibilityViolationsAsync(officer)).Should().BeEmpty();
            await officer.GetByTestId($"answer-text-{code}").FillAsync("街道已联系供电所,路灯已于本周修复。");
            await officer.GetByTestId($"answer-submit-{code}").ClickAsync();
            await Assertions.Expect(officer.GetByTestId($"assigned-{code}")).ToContainTextAsync("已答复", new() { Timeout = 15_000 });
            officerErrors.Should().BeEmpty();
        }

        // Staff feed the answer back.
        var (backContext, back, backErrors) = await e2e.NewPageAsync();
        await using (backContext)
        {
            await back.GotoAsync("/stations/opinions");
            await EndToEnd.SignInAsync(back, "dongliu.staff");
            await back.GotoAsync("/stations/opinions");
            await back.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(back.GetByTestId("detail-answer")).ToContainTextAsync("路灯已于本周修复", new() { Timeout = 15_000 });
            await back.GetByTestId("feedback-submit").ClickAsync();
            await Assertions.Expect(back.GetByTestId("detail-status")).ToHaveTextAsync("已反馈", new() { Timeout = 15_000 });
            backErrors.Should().BeEmpty();
        }

        // The resident reads the answer and rates it once.
        await phone.GotoAsync($"/p/opinions/track/{code}");
        await Assertions.Expect(phone.GetByTestId("track-answer")).ToContainTextAsync("路灯已于本周修复", new() { Timeout = 15_000 });
        await phone.Locator("label.ant-radio-button-wrapper").Filter(new() { HasTextRegex = new("^满意$") }).ClickAsync();
        await phone.GetByTestId("track-rate-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("track-rated")).ToContainTextAsync("满意", new() { Timeout = 15_000 });
        (await EndToEnd.AccessibilityViolationsAsync(phone)).Should().BeEmpty();
        await EndToEnd.ScreenshotAsync(phone, "opinion-rated");
        phoneErrors.Should().BeEmpty();
    }
}
