using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CongressPlatform.EndToEndTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace CongressPlatform.EndToEndTests;

/// <summary>
/// The monthly public notice (每月20日公示) in Debian chromium: a resident's opinion with a mobile number typed into it,
/// received before the latest 20th; staff compile that cut-off now (立即汇总), review the draft (the number is masked) and
/// publish it; on a 360 px phone the public station page shows the notice without the number. axe on each page.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class NoticeTests(EndToEnd e2e)
{
    private const string Mobile = "13912345678";

    private HttpClient Staff()
    {
        var http = new HttpClient { BaseAddress = new Uri(e2e.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Dev-User", "e2e-notice-staff");
        http.DefaultRequestHeaders.Add("X-Dev-Tenant", "dongliu");
        http.DefaultRequestHeaders.Add("X-Dev-Roles", "staff");
        return http;
    }

    /// <summary>The latest 20th in Beijing, as the "compile now" dialog proposes.</summary>
    private static DateOnly LatestCutOff()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var twentieth = new DateOnly(today.Year, today.Month, 20);
        return today.Day >= 20 ? twentieth : twentieth.AddMonths(-1);
    }

    [Fact]
    public async Task Staff_compile_review_and_publish_the_notice_and_a_phone_shows_it_without_the_resident_s_number()
    {
        using var http = Staff();
        var name = $"柳荫社区联络站{Guid.NewGuid():N}"[..10];
        var created = await http.PostAsJsonAsync("/api/stations/stations", new
        {
            kind = "CommunityStation", parentId = (Guid?)null, name, community = "柳荫社区", address = "东柳街道柳荫路 6 号",
            openingHours = "每周二 9:00–11:30", keeperUserId = (Guid?)null, keeperName = "孙站长", liaisonName = (string?)null, phone = (string?)null,
        });
        created.EnsureSuccessStatusCode();
        var station = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var content = $"柳荫小区2号楼楼道灯坏了半个月,请尽快修理,有事打我手机{Mobile}。";
        var form = new MultipartFormDataContent { { new StringContent(station.ToString()), "stationId" }, { new StringContent(content), "content" } };
        var submitted = await http.PostAsync("/api/stations/public-opinions", form);
        submitted.EnsureSuccessStatusCode();
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        // Received five days before the cut-off, so that it falls in the period the run compiles.
        var cutOff = LatestCutOff();
        await using (var db = new SqliteConnection($"Data Source={e2e.Host.DatabasePath}"))
        {
            await db.OpenAsync();
            var update = db.CreateCommand();
            update.CommandText = "UPDATE stations_opinions SET ReceivedOn = $on WHERE TrackingCode = $code";
            update.Parameters.AddWithValue("$on", cutOff.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            update.Parameters.AddWithValue("$code", code);
            (await update.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var (staffContext, staff, staffErrors) = await e2e.NewPageAsync();
        await using (staffContext)
        {
            await staff.GotoAsync("/stations/notices");
            await EndToEnd.SignInAsync(staff, "dongliu.staff");
            await staff.GotoAsync("/stations/notices");
            await staff.GetByTestId("notice-run").ClickAsync(new() { Timeout = 30_000 });
            await staff.GetByTestId("notice-run-ok").ClickAsync();
            await Assertions.Expect(staff.GetByText("已汇总")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            (await EndToEnd.AccessibilityViolationsAsync(staff)).Should().BeEmpty();

            var listed = await http.GetFromJsonAsync<JsonElement>($"/api/stations/notices?stationId={station}");
            var notice = listed.GetProperty("items").EnumerateArray().Single();
            notice.GetProperty("status").GetString().Should().Be("Draft");
            notice.GetProperty("periodEnd").GetString().Should().Be(cutOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var id = notice.GetProperty("id").GetGuid();

            await staff.GotoAsync($"/stations/notices/{id}");
            await Assertions.Expect(staff.GetByTestId("notice-status")).ToHaveTextAsync("待审核", new() { Timeout = 30_000 });
            var review = staff.GetByTestId("notice-review");
            await Assertions.Expect(review).ToContainTextAsync("楼道灯坏了半个月");
            await Assertions.Expect(review).ToContainTextAsync("＊＊＊");
            await Assertions.Expect(review).Not.ToContainTextAsync(Mobile);
            (await EndToEnd.AccessibilityViolationsAsync(staff)).Should().BeEmpty();
            await staff.GetByTestId("notice-publish").ClickAsync();
            await staff.GetByTestId("notice-publish-ok").ClickAsync();
            await Assertions.Expect(staff.GetByTestId("notice-status")).ToHaveTextAsync("已公示", new() { Timeout = 15_000 });
            await EndToEnd.ScreenshotAsync(staff, "notice-published");
            staffErrors.Should().BeEmpty();
        }

        var (phoneContext, phone, phoneErrors) = await e2e.NewPageAsync(phone: true);
        await using (phoneContext)
        {
            await phone.SetViewportSizeAsync(360, 740);
            await phone.GotoAsync($"/p/stations/{station}");
            var notices = phone.GetByTestId("public-notices");
            await Assertions.Expect(notices).ToContainTextAsync("楼道灯坏了半个月", new() { Timeout = 30_000 });
            await Assertions.Expect(notices).ToContainTextAsync("每月公示");
            await Assertions.Expect(phone.GetByTestId("public-station")).Not.ToContainTextAsync(Mobile);
            (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360);
            (await EndToEnd.AccessibilityViolationsAsync(phone)).Should().BeEmpty();
            await EndToEnd.ScreenshotAsync(phone, "notice-public-phone");
            phoneErrors.Should().BeEmpty();
        }
    }
}
