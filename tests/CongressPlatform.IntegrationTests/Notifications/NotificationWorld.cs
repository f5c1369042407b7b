using System.Net;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Notifications;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Notifications.Persistence;
using CongressPlatform.Modules.Notifications.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Notifications;

public sealed record InboxView(Guid Id, string Category, string Title, string Body, string? Link, DateTime CreatedAtUtc, DateTime? ReadAtUtc);

public sealed record CountView(int Count);

public sealed record AttemptView(int Number, DateTime StartedAtUtc, int DurationMs, bool Succeeded, int? StatusCode, string? Error);

public sealed record DeliveryView(
    Guid Id, string Channel, string Category, string Subject, Guid? RecipientUserId, string Status, int Attempts,
    DateTime CreatedAtUtc, DateTime NextAttemptAtUtc, DateTime? SentAtUtc, string? LastError, List<AttemptView> AttemptLog);

public sealed record PreferenceView(string Category, string Name, string Email);

/// <summary>
/// A fresh street of its own for one test (so channel settings never collide), its administrator, one staff member
/// with an e-mail address, and a local SMTP sink and robot receiver.
/// </summary>
public sealed class NotificationWorld : IAsyncDisposable
{
    public const string Channels = "/api/notifications/channels";
    public const string Inbox = "/api/notifications/inbox-items";

    private static readonly string[] StaffRole = ["staff"];

    private NotificationWorld(PlatformFactory factory) => Factory = factory;

    public PlatformFactory Factory { get; }
    public SmtpSink Smtp { get; } = new();
    public WebhookReceiver Robots { get; } = new();
    public Guid TenantId { get; private set; }
    public string Code { get; private set; } = "";
    public HttpClient Admin { get; private set; } = null!;
    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public HttpClient User { get; private set; } = null!;

    public static async Task<NotificationWorld> CreateAsync(PlatformFactory factory)
    {
        var world = new NotificationWorld(factory);
        var sysadmin = factory.As("admin", Demo.District, "system-admin");
        var district = await factory.TenantAsync(Demo.District);
        world.Code = "n" + Guid.NewGuid().ToString("N")[..10];
        var tenant = await (await sysadmin.PostJsonAsync("/api/identity/tenants",
            new { parentId = district.Id, code = world.Code, name = $"通知街道{world.Code}", kind = "Street" })).ReadAsync<TenantView>();
        world.TenantId = tenant.Id;
        world.Admin = factory.As($"ntf-admin-{world.Code}", world.Code, "tenant-admin");
        world.UserName = "u" + Guid.NewGuid().ToString("N")[..12];
        var created = await world.Admin.PostJsonAsync("/api/identity/users", new
        {
            userName = world.UserName, displayName = "王晓燕", phoneNumber = (string?)null, email = $"{world.UserName}@jiedao.gov.cn",
            termEndsOn = (string?)null, tenantId = (Guid?)null, roles = StaffRole,
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        world.UserId = (await created.ReadAsync<CreatedUser>()).User.Id;
        world.User = factory.As(world.UserId.ToString(), world.Code, "staff");
        await factory.DispatchOutboxAsync();
        return world;
    }

    /// <summary>SMTP to the sink, both robots to the receiver (DingTalk signed), robots for the given categories.</summary>
    public async Task ConfigureAsync(string[] robotCategories, bool smtp = true, bool robots = true)
    {
        var current = await (await Admin.GetAsync(Channels)).ReadAsync<SettingsView>();
        var saved = await Admin.PutJsonAsync(Channels, new
        {
            smtpEnabled = smtp, smtpHost = "127.0.0.1", smtpPort = Smtp.Port, smtpSecurity = "None", smtpUserName = (string?)null,
            smtpPassword = "s3cret-smtp-password", smtpFromAddress = "noreply@renda.gov.cn", smtpFromName = "区人大常委会办公室",
            weComEnabled = robots, weComWebhook = $"{Robots.BaseUrl}/wecom/send?key=WECOM-KEY-123",
            dingTalkEnabled = robots, dingTalkWebhook = $"{Robots.BaseUrl}/dingtalk/robot/send?access_token=DT-TOKEN-456",
            dingTalkSecret = "SECdingtalk-secret", robotCategories, version = current.Version,
        });
        (await saved.ReadAsync<SettingsView>()).SmtpEnabled.Should().Be(smtp);
    }

    public async Task NotifyAsync(Notification notification)
    {
        using var scope = Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<INotifier>().NotifyAsync(notification);
    }

    /// <summary>One run of the delivery job's body.</summary>
    public async Task<int> RunDeliveriesAsync() => await RunDeliveriesAsync(Factory);

    public static async Task<int> RunDeliveriesAsync(PlatformFactory factory)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryProcessor>().RunAsync(CancellationToken.None);
    }

    /// <summary>Skips the back-off wait: this tenant's waiting deliveries become due now.</summary>
    public async Task MakeRetriesDueAsync()
    {
        using var scope = Factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var past = DateTime.UtcNow.AddSeconds(-1);
        await db.Deliveries.Where(d => d.TenantId == TenantId).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAtUtc, past));
    }

    public async Task<List<DeliveryView>> DeliveriesAsync() =>
        (await (await Admin.GetAsync("/api/notifications/deliveries?pageSize=100")).ReadAsync<Paged<DeliveryView>>()).Items;

    public Notification Notice(string title, string? key = null, string category = "exports.completed") => new()
    {
        TenantId = TenantId,
        RecipientUserIds = [UserId],
        Category = category,
        Title = title,
        Body = "导出的文件已生成,可在导出列表下载。",
        Link = "/system/exports",
        DeduplicationKey = key,
    };

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await Robots.DisposeAsync();
    }

    private sealed record CreatedUser(CreatedUserAccount User, string TemporaryPassword);

    private sealed record CreatedUserAccount(Guid Id);
}

public sealed record SettingsView(
    bool SmtpEnabled, string? SmtpHost, int SmtpPort, string SmtpSecurity, bool SmtpPasswordSet, string? SmtpFromAddress,
    bool WeComEnabled, bool WeComWebhookSet, bool DingTalkEnabled, bool DingTalkWebhookSet, bool DingTalkSecretSet,
    List<string> RobotCategories, Guid? Version);
