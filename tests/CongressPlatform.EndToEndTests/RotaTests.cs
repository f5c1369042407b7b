using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using CongressPlatform.EndToEndTests.Infrastructure;

namespace CongressPlatform.EndToEndTests;

/// <summary>
/// The duty rota (值班表) in Debian chromium: staff generate a station's rota and publish it, a resident's phone sees it
/// on the public station page; a deputy (李秀英, <c>deputy.li</c>) asks to swap one of her weeks on "我的值班", and the
/// station's keeper (<c>dongliu.keeper</c>, on a phone) sees the rota and the request and approves it.
/// axe on each page.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RotaTests(EndToEnd e2e)
{
    private static string G(Guid g) => g.ToString().ToUpperInvariant();

    /// <summary>
    /// A station of 东柳街道 kept by <c>dongliu.keeper</c>, with 李秀英 and a second deputy (a seat of their own)
    /// assigned, written straight into the host's database: the station and assignment screens have their own browser
    /// test (StationsTests); this one is about the rota.
    /// </summary>
    private async Task<(Guid Station, string Name)> SeedStationAsync()
    {
        await using var db = new SqliteConnection($"Data Source={e2e.Host.DatabasePath}");
        await db.OpenAsync();
        var find = db.CreateCommand();
        find.CommandText = "SELECT Id, TenantId, TenantPath FROM deputies_seats WHERE DeputyId = (SELECT Id FROM deputies_deputies WHERE Name = '李秀英' LIMIT 1) LIMIT 1";
        string li, tenant, path;
        await using (var reader = await find.ExecuteReaderAsync())
        {
            (await reader.ReadAsync()).Should().BeTrue("the demo data has 李秀英");
            (tenant, path) = (reader.GetString(1), reader.GetString(2));
        }
        find.CommandText = "SELECT Id FROM deputies_deputies WHERE Name = '李秀英' LIMIT 1";
        li = (string)(await find.ExecuteScalarAsync())!;
        find.CommandText = "SELECT Id FROM identity_users WHERE UserName = 'dongliu.keeper'";
        var keeper = (string)(await find.ExecuteScalarAsync())!;
        var (station, other) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var name = $"东柳社区联络站{Random.Shared.Next(1000, 9999)}";
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);
        var command = db.CreateCommand();
        command.CommandText = """
            INSERT INTO deputies_deputies (Id, Version, Name, Gender, Ethnicity, Party, Mobile, CreatedAtUtc, UpdatedAtUtc)
            VALUES ($other, $v1, '周值班', 1, '汉族', '群众', $mobile, $now, $now);
            INSERT INTO deputies_seats (Id, TenantId, TenantPath, Version, DeputyId, Level, Term, Constituency, ElectedOn, ByElection, Status)
            VALUES ($seat, $tenant, $path, $v2, $other, 1, 17, '第二选区', '2021-11-01', 0, 0);
            INSERT INTO stations_stations (Id, TenantId, TenantPath, Version, Kind, ParentId, Name, Community, Address, OpeningHours, KeeperUserId, KeeperName, IsActive, CreatedAtUtc, UpdatedAtUtc)
            VALUES ($station, $tenant, $path, $v3, 2, NULL, $name, '东柳社区', '东柳路8号', '每周一至周五 9:00–11:30', $keeper, '孙站长', 1, $now, $now);
            INSERT INTO stations_station_deputies (Id, TenantId, TenantPath, Version, StationId, DeputyId, DeputyName, AssignedOn)
            VALUES ($a1, $tenant, $path, $v4, $station, $li, '李秀英', '2025-01-01'),
                   ($a2, $tenant, $path, $v5, $station, $other, '周值班', '2025-01-01');
            """;
        foreach (var (key, value) in new[] { ("$v1", G(Guid.NewGuid())), ("$v2", G(Guid.NewGuid())), ("$v3", G(Guid.NewGuid())), ("$v4", G(Guid.NewGuid())),
                     ("$v5", G(Guid.NewGuid())), ("$seat", G(Guid.CreateVersion7())), ("$a1", G(Guid.CreateVersion7())), ("$a2", G(Guid.CreateVersion7())),
                     ("$station", G(station)), ("$other", G(other)), ("$li", li), ("$keeper", keeper), ("$tenant", tenant), ("$path", path), ("$name", name), ("$now", now),
                     ("$mobile", $"136{Random.Shared.Next(10000000, 99999999)}") })
        {
            command.Parameters.AddWithValue(key, value);
        }
        await command.ExecuteNonQueryAsync();
        return (station, name);
    }

    [Fact]
    public async Task Staff_generate_a_rota_a_deputy_asks_to_swap_and_the_keeper_approves()
    {
        var (station, name) = await SeedStationAsync();

        var (staffContext, staff, staffErrors) = await e2e.NewPageAsync();
        await using var _ = staffContext;
        await staff.GotoAsync($"/stations/rota/{station}");
        await EndToEnd.SignInAsync(staff, "dongliu.staff");
        await Assertions.Expect(staff.GetByText(name).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await staff.GetByTestId("rota-publish-now").ClickAsync();
        await staff.GetByTestId("rota-generate").ClickAsync();
        await Assertions.Expect(staff.GetByText("已排 12 周")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var weeks = staff.GetByTestId("rota-weeks");
        await Assertions.Expect(weeks.Locator("tbody tr")).ToHaveCountAsync(12, new() { Timeout = 15_000 });
        await Assertions.Expect(weeks).ToContainTextAsync("李秀英");
        await Assertions.Expect(weeks).ToContainTextAsync("周值班");
        await staff.Mouse.MoveAsync(0, 0);
        (await EndToEnd.AccessibilityViolationsAsync(staff)).Should().BeEmpty();
        await EndToEnd.ScreenshotAsync(staff, "rota-station");

        // A resident's phone, without an account, sees the published rota on the station's public page.
        var (publicContext, resident, residentErrors) = await e2e.NewPageAsync();
        await using (publicContext)
        {
            await resident.SetViewportSizeAsync(360, 740);
            await resident.GotoAsync($"/p/stations/{station}");
            await Assertions.Expect(resident.GetByTestId("rota-list")).ToContainTextAsync("李秀英", new() { Timeout = 30_000 });
            (await resident.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360);
            residentErrors.Should().BeEmpty();
        }

        var (deputyContext, deputy, deputyErrors) = await e2e.NewPageAsync();
        await using var __ = deputyContext;
        await deputy.GotoAsync("/stations/my-duty");
        await EndToEnd.SignInAsync(deputy, "deputy.li");
        var mine = deputy.GetByTestId("my-duty-weeks");
        await Assertions.Expect(mine).ToContainTextAsync(name, new() { Timeout = 30_000 });
        await mine.GetByRole(AriaRole.Button, new() { NameRegex = new("^申请调班") }).First.ClickAsync();
        await deputy.GetByTestId("swap-target").ClickAsync();
        await deputy.Locator(".ant-select-item-option").First.ClickAsync();
        await deputy.GetByLabel("调班理由").FillAsync("外出开会");
        await deputy.GetByTestId("swap-submit").ClickAsync();
        await Assertions.Expect(deputy.GetByText("调班申请已提交")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(deputy.GetByTestId("my-duty-requests")).ToContainTextAsync("待审批", new() { Timeout = 15_000 });
        await deputy.Mouse.MoveAsync(0, 0);
        (await EndToEnd.AccessibilityViolationsAsync(deputy)).Should().BeEmpty();
        await EndToEnd.ScreenshotAsync(deputy, "rota-my-duty");

        // The station's keeper signs in (on a phone), sees the rota of the station they keep and the bell's notice of
        // the request, and approves the swap.
        var (keeperContext, keeper, keeperErrors) = await e2e.NewPageAsync(phone: true);
        await using var ___ = keeperContext;
        await keeper.GotoAsync($"/stations/rota/{station}");
        await EndToEnd.SignInAsync(keeper, "dongliu.keeper");
        var kept = keeper.GetByTestId("rota-weeks");
        await Assertions.Expect(kept.Locator("tbody tr")).ToHaveCountAsync(12, new() { Timeout = 30_000 });
        await Assertions.Expect(kept).ToContainTextAsync("李秀英");
        var swaps = keeper.GetByTestId("rota-swaps");
        await Assertions.Expect(swaps).ToContainTextAsync("待审批", new() { Timeout = 30_000 });
        await Assertions.Expect(swaps).ToContainTextAsync("外出开会");
        await keeper.Mouse.MoveAsync(0, 0);
        (await EndToEnd.AccessibilityViolationsAsync(keeper)).Should().BeEmpty();
        await EndToEnd.ScreenshotAsync(keeper, "rota-keeper");
        await swaps.GetByRole(AriaRole.Button, new() { NameRegex = new("^批\\s*准$") }).ClickAsync();
        await Assertions.Expect(keeper.GetByText("已批准调班")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(swaps).ToContainTextAsync("已批准", new() { Timeout = 15_000 });

        // The office sees the decision on its own screen.
        await staff.ReloadAsync();
        await Assertions.Expect(staff.GetByTestId("rota-swaps")).ToContainTextAsync("已批准", new() { Timeout = 30_000 });

        await deputy.ReloadAsync();
        await Assertions.Expect(deputy.GetByTestId("my-duty-requests")).ToContainTextAsync("已批准", new() { Timeout = 30_000 });
        staffErrors.Should().BeEmpty();
        deputyErrors.Should().BeEmpty();
        keeperErrors.Should().BeEmpty();
    }
}
