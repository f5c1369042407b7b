using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CongressPlatform.BuildingBlocks.Execution;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.IntegrationTests.Infrastructure;
using CongressPlatform.Modules.Notifications.Channels;
using CongressPlatform.Modules.Notifications.Domain;
using CongressPlatform.Modules.Notifications.Persistence;
using CongressPlatform.Modules.Notifications.Features.Deliveries;
using CongressPlatform.Modules.Notifications.Sending;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CongressPlatform.IntegrationTests.Notifications;

/// <summary>
/// Notifications end to end over a real SMTP listener and a local robot receiver: from an Identity event to the inbox,
/// the mail and both robots; retries with every attempt recorded; dedup; preferences and the digest; isolation.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class NotificationTests(Platforms platforms)
{
    private static readonly string[] LeaderAndStaff = ["staff", "leader"];
    private static readonly bool[] FailedThenSent = [false, true];
    private static readonly string[] UnknownCategory = ["no.such-category"];

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_role_change_reaches_the_inbox_the_mail_and_both_robots(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        await using var world = await NotificationWorld.CreateAsync(factory);
        await world.ConfigureAsync(["identity.membership-changed"]);

        var changed = await world.Admin.PutJsonAsync($"/api/identity/users/{world.UserId}/memberships/{world.TenantId}", new { roles = LeaderAndStaff });
        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        await factory.DispatchOutboxAsync();

        (await (await world.User.GetAsync($"{NotificationWorld.Inbox}/unread-count")).ReadAsync<CountView>()).Count.Should().Be(1);
        var inbox = await (await world.User.GetAsync(NotificationWorld.Inbox)).ReadAsync<Paged<InboxView>>();
        var item = inbox.Items.Should().ContainSingle().Subject;
        item.Title.Should().Be($"您在「通知街道{world.Code}」的角色已变更");
        item.Body.Should().Contain("领导、工作人员").And.Contain("原角色:工作人员");

        await world.RunDeliveriesAsync();
        var mail = world.Smtp.Messages.Should().ContainSingle().Subject;
        mail.To.Should().ContainSingle().Which.Should().Contain($"{world.UserName}@jiedao.gov.cn");
        mail.Header("Subject").Should().StartWith("=?utf-8?B?", "a Chinese subject travels as an RFC 2047 encoded word");
        mail.Subject.Should().Be(item.Title);
        mail.Body.Should().Contain("领导、工作人员");
        var delivery = (await world.DeliveriesAsync()).Single(d => d.Channel == "Email");
        mail.Header("Message-ID").Should().Be($"<{delivery.Id:N}@renda.gov.cn>");

        var wecom = world.Robots.To("/wecom/send").Should().ContainSingle().Subject;
        wecom.PathAndQuery.Should().Be("/wecom/send?key=WECOM-KEY-123");
        using (var json = JsonDocument.Parse(wecom.Body))
        {
            json.RootElement.GetProperty("msgtype").GetString().Should().Be("markdown");
            json.RootElement.GetProperty("markdown").GetProperty("content").GetString().Should().StartWith($"### {item.Title}");
        }
        var dingtalk = world.Robots.To("/dingtalk/robot/send").Should().ContainSingle().Subject;
        using (var json = JsonDocument.Parse(dingtalk.Body))
        {
            json.RootElement.GetProperty("msgtype").GetString().Should().Be("markdown");
            json.RootElement.GetProperty("markdown").GetProperty("title").GetString().Should().Be(item.Title);
        }
        // The signature, recomputed here from DingTalk's rule: base64(HmacSHA256(secret, timestamp + "\n" + secret)), URL-encoded.
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + dingtalk.PathAndQuery).Query);
        query["access_token"].Should().Be("DT-TOKEN-456");
        var timestamp = long.Parse(query["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset.FromUnixTimeMilliseconds(timestamp).Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("SECdingtalk-secret"),
            Encoding.UTF8.GetBytes($"{timestamp}\nSECdingtalk-secret")));
        query["sign"].Should().Be(expected);
        dingtalk.PathAndQuery.Should().Contain("&sign=" + Uri.EscapeDataString(expected));

        // Read: one, then all; the bell counts down.
        (await (await world.User.PostAsync($"{NotificationWorld.Inbox}/{item.Id}/read", null)).ReadAsync<InboxView>()).ReadAtUtc.Should().NotBeNull();
        (await (await world.User.GetAsync($"{NotificationWorld.Inbox}/unread-count")).ReadAsync<CountView>()).Count.Should().Be(0);
        await world.NotifyAsync(world.Notice("导出完成:代表名册"));
        (await (await world.User.GetAsync($"{NotificationWorld.Inbox}?unreadOnly=true")).ReadAsync<Paged<InboxView>>()).Items
            .Should().ContainSingle().Which.Title.Should().Be("导出完成:代表名册");
        (await (await world.User.PostAsync($"{NotificationWorld.Inbox}/read-all", null)).ReadAsync<CountView>()).Count.Should().Be(0);
        (await (await world.User.GetAsync($"{NotificationWorld.Inbox}/unread-count")).ReadAsync<CountView>()).Count.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_failing_channel_is_retried_with_back_off_and_every_attempt_is_recorded(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        await using var world = await NotificationWorld.CreateAsync(factory);
        await world.ConfigureAsync(["exports.completed"]);
        world.Smtp.RefuseNext = 1;
        world.Robots.FailNext = 2;

        await world.NotifyAsync(world.Notice("导出完成:建议办理台账"));
        var before = DateTime.UtcNow;
        await world.RunDeliveriesAsync();
        world.Smtp.Messages.Should().BeEmpty();
        var failed = await world.DeliveriesAsync();
        failed.Should().HaveCount(3).And.OnlyContain(d => d.Status == "Pending" && d.Attempts == 1);
        failed.Single(d => d.Channel == "Email").AttemptLog.Single().Should().Match<AttemptView>(a => !a.Succeeded && a.StatusCode == 451);
        failed.Single(d => d.Channel == "WeCom").AttemptLog.Single().Should().Match<AttemptView>(a => !a.Succeeded && a.StatusCode == 500);
        foreach (var d in failed)
        {
            d.NextAttemptAtUtc.Should().BeCloseTo(before + Backoff.First, TimeSpan.FromSeconds(20), "the first retry waits 30 seconds");
            d.LastError.Should().NotBeNullOrEmpty();
        }
        await world.RunDeliveriesAsync();
        (await world.DeliveriesAsync()).Should().OnlyContain(d => d.Attempts == 1, "nothing is due before its back-off ends");

        await world.MakeRetriesDueAsync();
        await world.RunDeliveriesAsync();
        world.Smtp.Messages.Should().ContainSingle();
        world.Robots.Posts.Should().HaveCount(4, "two failed posts, then one each");
        var sent = await world.DeliveriesAsync();
        sent.Should().OnlyContain(d => d.Status == "Sent" && d.Attempts == 2 && d.SentAtUtc != null);
        sent.SelectMany(d => d.AttemptLog).Should().HaveCount(6).And.OnlyContain(a => a.DurationMs >= 0);
        sent.Select(d => d.AttemptLog.Select(a => a.Succeeded)).Should().OnlyContain(s => s.SequenceEqual(FailedThenSent));

        await world.MakeRetriesDueAsync();
        await world.RunDeliveriesAsync();
        world.Smtp.Messages.Should().ContainSingle("a sent delivery is never sent again");
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Nothing_is_sent_twice_after_a_restart_and_a_claimed_row_waits_for_its_lease(DatabaseProvider provider)
    {
        var database = PlatformFactory.NewDatabase(provider);
        try
        {
            await using var smtp = new SmtpSink();
            Guid tenantId, stuck;
            {
                await using var first = new PlatformFactory(provider, database);
                _ = first.Server;
                await first.DispatchOutboxAsync();
                await using var world = await NotificationWorld.CreateAsync(first);
                tenantId = world.TenantId;
                await world.ConfigureAsync([], robots: false);
                await SetSmtpPortAsync(first, tenantId, smtp.Port);
                await world.NotifyAsync(world.Notice("第一条:已发送"));
                (await world.RunDeliveriesAsync()).Should().Be(1);
                await world.NotifyAsync(world.Notice("第二条:待发送"));
                await world.NotifyAsync(world.Notice("第三条:发送中断"));
                // Expanded but not sent: then one is claimed by a node that "dies" (its lease still runs).
                using var scope = first.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
                var processor = scope.ServiceProvider.GetRequiredService<DeliveryProcessor>();
                await processor.ExpandAsync(CancellationToken.None);
                var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
                stuck = (await db.Deliveries.AsNoTracking().SingleAsync(d => d.Subject == "第三条:发送中断")).Id;
                await db.Deliveries.Where(d => d.Id == stuck).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.ClaimedUntilUtc, DateTime.UtcNow.AddMinutes(5)));
            }
            smtp.Messages.Should().ContainSingle();

            await using var second = new PlatformFactory(provider, database);
            _ = second.Server;
            (await NotificationWorld.RunDeliveriesAsync(second)).Should().Be(1, "only the pending one: the sent one is done, the claimed one is leased");
            (await NotificationWorld.RunDeliveriesAsync(second)).Should().Be(0);
            smtp.Messages.Select(m => m.Subject).Should().Equal("第一条:已发送", "第二条:待发送");

            using (var scope = second.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
                await db.Deliveries.Where(d => d.Id == stuck).ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntilUtc, DateTime.UtcNow.AddSeconds(-1)));
            }
            (await NotificationWorld.RunDeliveriesAsync(second)).Should().Be(1, "a lease that ran out makes the row due again");
            (await NotificationWorld.RunDeliveriesAsync(second)).Should().Be(0);
            smtp.Messages.Select(m => m.Subject).Should().Equal("第一条:已发送", "第二条:待发送", "第三条:发送中断");
        }
        finally
        {
            await PlatformFactory.DropDatabaseAsync(provider, database);
        }
    }

    private static async Task SetSmtpPortAsync(PlatformFactory factory, Guid tenantId, int port)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await db.ChannelSettings.Where(s => s.TenantId == tenantId).ExecuteUpdateAsync(s => s.SetProperty(x => x.SmtpPort, port));
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task A_deduplication_key_adds_nothing_the_second_time(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        await using var world = await NotificationWorld.CreateAsync(factory);
        await world.ConfigureAsync([]);
        var key = $"exports.completed:{Guid.NewGuid()}";
        await world.NotifyAsync(world.Notice("导出完成:一次", key));
        await world.NotifyAsync(world.Notice("导出完成:一次", key));
        (await (await world.User.GetAsync($"{NotificationWorld.Inbox}/unread-count")).ReadAsync<CountView>()).Count.Should().Be(1);
        await world.RunDeliveriesAsync();
        world.Smtp.Messages.Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Preferences_turn_mail_off_or_into_one_daily_digest(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        await using var world = await NotificationWorld.CreateAsync(factory);
        await world.ConfigureAsync([]);
        var prefs = await (await world.User.GetAsync("/api/notifications/preferences")).ReadAsync<List<PreferenceView>>();
        prefs.Should().Contain(p => p.Category == "exports.completed" && p.Name == "导出完成" && p.Email == "Immediately");
        // What the Deputies module's quarterly job sends can be chosen too.
        prefs.Should().Contain(p => p.Category == "deputies.quarterly-report" && p.Name == "季度履职档案推送");
        prefs.Should().Contain(p => p.Category == "deputies.reminder-letter" && p.Name == "履职温馨提示函");

        var updated = await (await world.User.PutJsonAsync("/api/notifications/preferences", new
        {
            preferences = new object[]
            {
                new { category = "exports.completed", email = "DailyDigest" },
                new { category = "exports.failed", email = "Off" },
            },
        })).ReadAsync<List<PreferenceView>>();
        updated.Single(p => p.Category == "exports.completed").Email.Should().Be("DailyDigest");

        await world.NotifyAsync(world.Notice("导出完成:代表名册"));
        await world.NotifyAsync(world.Notice("导出完成:联络站台账"));
        await world.NotifyAsync(world.Notice("导出失败:代表名册", category: "exports.failed"));
        await world.RunDeliveriesAsync();
        world.Smtp.Messages.Should().BeEmpty("digest items wait for the digest, and failed exports are off");
        (await (await world.User.GetAsync($"{NotificationWorld.Inbox}/unread-count")).ReadAsync<CountView>()).Count.Should().Be(3, "the inbox gets everything");

        (await SendDigestsAsync(factory)).Should().BeGreaterThanOrEqualTo(1);
        (await SendDigestsAsync(factory)).Should().Be(0, "one digest a person a day");
        await world.RunDeliveriesAsync();
        var digest = world.Smtp.Messages.Should().ContainSingle().Subject;
        digest.Subject.Should().StartWith("每日通知摘要").And.EndWith("共 2 条)");
        digest.Body.Should().Contain("导出完成:代表名册").And.Contain("导出完成:联络站台账").And.NotContain("导出失败");
        (await world.DeliveriesAsync()).Where(d => d.Category == "exports.completed").Should().OnlyContain(d => d.Status == "Digested");
    }

    private static async Task<int> SendDigestsAsync(PlatformFactory factory)
    {
        using var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendDailyDigestsCommand());
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Inboxes_settings_and_delivery_logs_stay_in_their_tenant_and_secrets_never_come_back(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        await using var world = await NotificationWorld.CreateAsync(factory);
        await using var other = await NotificationWorld.CreateAsync(factory);
        await world.ConfigureAsync(["exports.completed"]);
        await world.NotifyAsync(world.Notice("只给本街道"));
        await world.RunDeliveriesAsync();
        var item = (await (await world.User.GetAsync(NotificationWorld.Inbox)).ReadAsync<Paged<InboxView>>()).Items.Single();

        // Another person cannot see or mark it; the same person in another tenant sees that tenant's inbox only.
        (await (await other.User.GetAsync(NotificationWorld.Inbox)).ReadAsync<Paged<InboxView>>()).Items.Should().BeEmpty();
        await (await other.User.PostAsync($"{NotificationWorld.Inbox}/{item.Id}/read", null)).ProblemAsync(404);
        var elsewhere = factory.As(world.UserId.ToString(), other.Code, "staff");
        (await (await elsewhere.GetAsync($"{NotificationWorld.Inbox}/unread-count")).ReadAsync<CountView>()).Count.Should().Be(0);

        var settings = await world.Admin.GetAsync(NotificationWorld.Channels);
        var text = await settings.Content.ReadAsStringAsync();
        text.Should().NotContain("s3cret-smtp-password").And.NotContain("WECOM-KEY-123").And.NotContain("DT-TOKEN-456").And.NotContain("SECdingtalk");
        var view = JsonSerializer.Deserialize<SettingsView>(text, Http.Json)!;
        view.Should().Match<SettingsView>(v => v.SmtpPasswordSet && v.WeComWebhookSet && v.DingTalkWebhookSet && v.DingTalkSecretSet);
        using (var scope = factory.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().ChannelSettings.AsNoTracking()
                .SingleAsync(s => s.TenantId == world.TenantId);
            stored.SmtpPasswordProtected.Should().NotBeNullOrEmpty().And.NotContain("s3cret", "secrets are encrypted at rest");
            stored.WeComWebhookProtected.Should().NotContain("WECOM-KEY");
        }

        var otherSettings = await (await other.Admin.GetAsync(NotificationWorld.Channels)).ReadAsync<SettingsView>();
        otherSettings.Should().Match<SettingsView>(v => !v.SmtpEnabled && v.Version == null);
        (await other.DeliveriesAsync()).Should().BeEmpty();
        (await world.DeliveriesAsync()).Should().HaveCount(3);
        await (await world.User.GetAsync(NotificationWorld.Channels)).ProblemAsync(403);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task Bad_settings_and_preferences_are_refused_in_Chinese_and_change_nothing(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        await using var world = await NotificationWorld.CreateAsync(factory);
        await world.ConfigureAsync([]);
        var before = await (await world.Admin.GetAsync(NotificationWorld.Channels)).ReadAsync<SettingsView>();

        var refused = await (await world.Admin.PutJsonAsync(NotificationWorld.Channels, new
        {
            smtpEnabled = true, smtpHost = "", smtpPort = 70000, smtpSecurity = "None", smtpUserName = (string?)null, smtpPassword = (string?)null,
            smtpFromAddress = "不是邮箱", smtpFromName = (string?)null, weComEnabled = false, weComWebhook = "ftp://robot", dingTalkEnabled = false,
            dingTalkWebhook = (string?)null, dingTalkSecret = (string?)null, robotCategories = UnknownCategory, version = before.Version,
        })).ProblemAsync(400);
        var errors = refused.GetProperty("errors");
        errors.GetProperty("smtpHost")[0].GetString().Should().Contain("SMTP 服务器");
        errors.GetProperty("smtpPort")[0].GetString().Should().Contain("端口");
        errors.GetProperty("smtpFromAddress")[0].GetString().Should().Contain("发件地址");
        errors.GetProperty("weComWebhook")[0].GetString().Should().Contain("企业微信");

        var stale = await (await world.Admin.PutJsonAsync(NotificationWorld.Channels, new
        {
            smtpEnabled = false, smtpHost = (string?)null, smtpPort = 25, smtpSecurity = "None", smtpUserName = (string?)null, smtpPassword = (string?)null,
            smtpFromAddress = (string?)null, smtpFromName = (string?)null, weComEnabled = false, weComWebhook = (string?)null, dingTalkEnabled = false,
            dingTalkWebhook = (string?)null, dingTalkSecret = (string?)null, robotCategories = Array.Empty<string>(), version = Guid.NewGuid(),
        })).ProblemAsync(409);
        stale.GetProperty("detail").GetString().Should().Contain("已被他人修改");
        (await (await world.Admin.GetAsync(NotificationWorld.Channels)).ReadAsync<SettingsView>()).Should().BeEquivalentTo(before);

        var badPreference = await (await world.User.PutJsonAsync("/api/notifications/preferences", new
        {
            preferences = new object[] { new { category = "no.such-category", email = "Off" } },
        })).ProblemAsync(400);
        badPreference.GetProperty("detail").GetString().Should().Contain("提交的内容有误");
        (await (await world.User.GetAsync("/api/notifications/preferences")).ReadAsync<List<PreferenceView>>())
            .Should().OnlyContain(p => p.Email == "Immediately");
        await (await world.User.PostAsync($"{NotificationWorld.Inbox}/{Guid.NewGuid()}/read", null)).ProblemAsync(404);
    }

    [Theory]
    [MemberData(nameof(Platforms.Providers), MemberType = typeof(Platforms))]
    public async Task The_test_message_goes_out_at_once_and_is_logged(DatabaseProvider provider)
    {
        var factory = await platforms.GetAsync(provider);
        await using var world = await NotificationWorld.CreateAsync(factory);
        await world.ConfigureAsync([]);
        var result = await (await world.Admin.PostAsync($"{NotificationWorld.Channels}/DingTalk/test", null)).ReadAsync<DeliveryView>();
        result.Status.Should().Be("Sent");
        result.AttemptLog.Should().ContainSingle().Which.StatusCode.Should().Be(200);
        world.Robots.To("/dingtalk/robot/send").Should().ContainSingle().Which.Body.Should().Contain("测试消息");
        (await world.DeliveriesAsync()).Should().ContainSingle(d => d.Category == "notifications.test");
    }
}
