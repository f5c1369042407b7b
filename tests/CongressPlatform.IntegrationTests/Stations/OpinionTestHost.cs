using System.Net;
using System.Net.Http.Headers;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.Modules.Stations.Domain;
using CongressPlatform.Modules.Stations.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CongressPlatform.IntegrationTests.Stations;

/// <summary>
/// One host per provider for the opinion tests: low public limits (per address and per station), a clock the tests can
/// set (a referral "on a Friday"), and the client address taken from <c>X-Test-Ip</c>, so that each test is its own phone.
/// </summary>
public sealed class OpinionPlatforms : IAsyncLifetime
{
    public const int PerAddress = 8;
    public const int PerStation = 6;

    private readonly Platforms _platforms = new(p => new PlatformFactory(p, settings: new Dictionary<string, string?>
    {
        ["RateLimits:PublicPerMinute"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:OpinionsPerStationPerMinute"] = PerStation.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }, configureServices: services =>
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new SettableClock());
        services.AddSingleton<IStartupFilter, TestAddressFilter>();
    }));

    public Task<PlatformFactory> GetAsync(DatabaseProvider provider) => _platforms.GetAsync(provider);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _platforms.DisposeAsync();
}

public sealed class SettableClock : TimeProvider
{
    public DateTimeOffset? Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now ?? System.GetUtcNow();
}

[CollectionDefinition(Name)]
public sealed class OpinionCollection : ICollectionFixture<OpinionPlatforms>
{
    public const string Name = "Opinions";
}

public sealed record PublicFormView(Guid StationId, string StationName, Guid? DeputyId, string? DeputyName, List<DeputyView> Deputies);

public sealed record DeputyView(Guid Id, string Name);

public sealed record SubmittedView(string TrackingCode, string Message);

public sealed record TrackView(
    string TrackingCode, string Status, string StatusName, string? StationName, string? DeputyName, DateOnly ReceivedOn, DateOnly? DueOn,
    string? Content, string? Feedback, string? Rating, bool CanRate);

public sealed record OpinionView(
    Guid Id, string TrackingCode, string Status, Guid? StationId, Guid? DeputyId, string? DeputyName, string Content, string? Category,
    bool Confidential, string? ContactName, string? ContactPhone, Guid? HandlingUnitId, DateOnly? DueOn, string Sla, int? WorkingDaysLeft,
    string? Answer, string? Feedback, List<HistoryView> History, List<HintView> DuplicateHints);

public sealed record HistoryView(string Kind, string ActorName, string? Note);

public sealed record HintView(Guid Id, string TrackingCode, double Score);

public sealed record AssignedView(Guid Id, string TrackingCode, string Status, string Content);

internal static class OpinionSetup
{
    /// <summary>An active (or inactive) station of a tenant, with the deputies given, inserted directly.</summary>
    public static async Task<Guid> StationAsync(PlatformFactory factory, string tenantCode, bool active = true, params (Guid Id, string Name)[] deputies)
    {
        var tenant = await factory.TenantAsync(tenantCode);
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<StationsDbContext>();
        var station = new Station(StationKind.CommunityStation, null,
            new StationDetails($"测试社区联络站{Guid.NewGuid():N}"[..16], "柳岸社区", "测试路1号", "每周一至周五 9:00–11:30", null, "孙站长", null, null),
            DateTime.UtcNow);
        if (!active)
        {
            station.SetActive(false, DateTime.UtcNow);
        }
        ((ITenantOwned)station).AssignTenant(tenant.Id, tenant.Path);
        db.Stations.Add(station);
        foreach (var (id, name) in deputies)
        {
            var assignment = new StationDeputy(station.Id, id, name, new DateOnly(2026, 1, 1));
            ((ITenantOwned)assignment).AssignTenant(tenant.Id, tenant.Path);
            db.StationDeputies.Add(assignment);
        }
        await db.SaveChangesAsync();
        return station.Id;
    }

    /// <summary>A handling unit of the tenant and a new officer of it (a user id the header sign-in accepts).</summary>
    public static async Task<(Guid UnitId, Guid OfficerId)> UnitWithOfficerAsync(PlatformFactory factory, string tenantCode)
    {
        var tenant = await factory.TenantAsync(tenantCode);
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var unit = HandlingUnit.Create($"测试承办单位{Guid.NewGuid():N}"[..14], HandlingUnitKind.Other, null, null, DateTime.UtcNow);
        ((ITenantOwned)unit).AssignTenant(tenant.Id, tenant.Path);
        db.HandlingUnits.Add(unit);
        var officerId = Guid.NewGuid();
        var link = new HandlingUnitOfficer(unit.Id, officerId, DateTime.UtcNow);
        ((ITenantOwned)link).AssignTenant(tenant.Id, tenant.Path);
        db.HandlingUnitOfficers.Add(link);
        await db.SaveChangesAsync();
        return (unit.Id, officerId);
    }

    public static async Task<int> CountByKeyAsync(PlatformFactory factory, string key)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<StationsDbContext>().Opinions.CountAsync(o => o.IdempotencyKey == key);
    }

    /// <summary>A phone: an anonymous client with an address of its own.</summary>
    public static HttpClient Phone(PlatformFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(TestAddressFilter.Header, $"10.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(1, 255)}");
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        return client;
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient phone, Guid stationId, string content, Guid? deputyId = null, string? key = null,
        string? contactName = null, string? contactPhone = null, params (string Name, byte[] Content)[] photos)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(stationId.ToString()), "stationId" },
            { new StringContent(content), "content" },
        };
        if (deputyId is { } d)
        {
            form.Add(new StringContent(d.ToString()), "deputyId");
        }
        if (contactName is not null)
        {
            form.Add(new StringContent(contactName), "contactName");
        }
        if (contactPhone is not null)
        {
            form.Add(new StringContent(contactPhone), "contactPhone");
        }
        foreach (var (name, bytes) in photos)
        {
            form.Add(new ByteArrayContent(bytes), "photos", name);
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/stations/public-opinions") { Content = form };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return phone.SendAsync(request);
    }
}
