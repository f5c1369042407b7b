using System.Net.Http.Json;
using System.Text.Json;
using CongressPlatform.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace CongressPlatform.EndToEndTests;

/// <summary>
/// 联络站 in Debian chromium: staff open a community station under a demo centre station, assign a serving deputy and
/// open its QR poster; a resident opens a demo station's public page on a 360 px phone. axe on each.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class StationsTests(EndToEnd e2e)
{
    [Fact]
    public async Task Staff_create_a_station_assign_a_deputy_and_open_the_poster()
    {
        var (context, page, errors) = await e2e.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync("/stations/directory");
        await EndToEnd.SignInAsync(page, "dongliu.staff");
        var table = page.GetByTestId("stations-table");
        await Assertions.Expect(table).ToContainTextAsync("锦绣社区联络站", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("stations-tree")).ToContainTextAsync("东柳街道代表之家");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();

        var name = $"测试社区联络站{DateTime.UtcNow.Ticks % 1_000_000}";
        await page.GetByTestId("station-create").ClickAsync();
        var form = page.GetByTestId("station-form");
        // The parent's options load when the form opens: wait for the option, pick it, and see it picked before going on
        // (once the saved station had no parent).
        var picked = form.GetByTestId("station-parent").Locator("..");
        for (var attempt = 1; ; attempt++)
        {
            // The option list re-renders when the stations arrive; a click during that is lost — pick again.
            await form.GetByTestId("station-parent").ClickAsync();
            var option = page.Locator(".ant-select-dropdown:visible .ant-select-item-option", new() { HasText = "东柳北片中心联络站" });
            await Assertions.Expect(option).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await option.ClickAsync();
            try
            {
                await Assertions.Expect(picked).ToContainTextAsync("东柳北片中心联络站", new() { Timeout = 3_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
        await form.GetByTestId("station-name").FillAsync(name);
        await form.GetByTestId("station-address").FillAsync("东柳街道测试路1号");
        await form.GetByTestId("station-hours").FillAsync("每周三 14:30–17:00");
        await page.GetByTestId("station-save").ClickAsync();

        var detail = page.GetByTestId("station-detail");
        await Assertions.Expect(detail).ToContainTextAsync(name, new() { Timeout = 30_000 });
        await Assertions.Expect(detail.GetByTestId("station-basic")).ToContainTextAsync("东柳北片中心联络站");

        await detail.GetByRole(AriaRole.Tab, new() { Name = "驻站代表" }).ClickAsync();
        await page.GetByTestId("assignment-pick").ClickAsync();
        await page.GetByTestId("assignment-pick").Locator("input").FillAsync("李秀英");
        await page.Locator(".ant-select-dropdown:visible").GetByText("李秀英", new() { Exact = false }).First.ClickAsync();
        await page.GetByTestId("assignment-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("assignments-current")).ToContainTextAsync("李秀英", new() { Timeout = 15_000 });
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();

        await page.GetByTestId("station-poster-link").ClickAsync();
        var poster = page.GetByTestId("station-poster");
        await Assertions.Expect(poster).ToContainTextAsync("扫码反映社情民意", new() { Timeout = 30_000 });
        await Assertions.Expect(poster).ToContainTextAsync("李秀英");
        await Assertions.Expect(poster.GetByTestId("poster-qr")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await EndToEnd.ScreenshotAsync(page, "station-poster");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_resident_reads_a_station_page_on_a_phone()
    {
        using var http = new HttpClient { BaseAddress = new Uri(e2e.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Dev-User", "e2e-st-staff");
        http.DefaultRequestHeaders.Add("X-Dev-Tenant", "dongliu");
        http.DefaultRequestHeaders.Add("X-Dev-Roles", "staff");
        var stations = await http.GetFromJsonAsync<JsonElement>("/api/stations/stations");
        var id = stations.EnumerateArray().First(s => s.GetProperty("name").GetString() == "锦绣社区联络站").GetProperty("id").GetGuid();

        var (context, page, errors) = await e2e.NewPageAsync(phone: true);
        await using var _ = context;
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync($"/p/stations/{id}");
        var station = page.GetByTestId("public-station");
        await Assertions.Expect(station).ToContainTextAsync("锦绣社区联络站", new() { Timeout = 30_000 });
        await Assertions.Expect(station).ToContainTextAsync("每周三 14:30–17:00");
        await Assertions.Expect(page.GetByTestId("public-station-opinion")).ToHaveAttributeAsync("href", $"/p/opinions/new?station={id}");
        await Assertions.Expect(page.GetByTestId("public-station-deputies")).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360);
        await EndToEnd.ScreenshotAsync(page, "public-station");
        (await EndToEnd.AccessibilityViolationsAsync(page)).Should().BeEmpty();

        await page.GotoAsync($"/p/stations/{Guid.NewGuid()}");
        await Assertions.Expect(page.GetByTestId("public-station-missing")).ToContainTextAsync("未找到该联络站", new() { Timeout = 30_000 });
        errors.Where(e => !e.Contains("404", StringComparison.Ordinal)).Should().BeEmpty();
    }
}
