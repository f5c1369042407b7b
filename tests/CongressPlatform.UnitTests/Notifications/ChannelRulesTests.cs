using CongressPlatform.BuildingBlocks.Notifications;
using CongressPlatform.Modules.Notifications.Channels;
using CongressPlatform.Modules.Notifications.Sending;

namespace CongressPlatform.UnitTests.Notifications;

/// <summary>Back-off, DingTalk's signature (against a value computed independently with Python's hmac), and the notifier's argument rules.</summary>
public sealed class ChannelRulesTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 480)]
    [InlineData(8, 3600)]
    [InlineData(30, 3600)]
    public void Back_off_doubles_from_30_seconds_up_to_an_hour(int failedAttempts, int seconds) =>
        Backoff.After(failedAttempts).Should().Be(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void DingTalk_signs_timestamp_newline_secret_with_HMAC_SHA256_base64_and_url_encodes_it()
    {
        // python3: base64.b64encode(hmac.new(secret, f"{ts}\n{secret}", sha256).digest()), then urllib.parse.quote_plus.
        DingTalkChannel.Sign("SEC000000000000000000000", 1700000000000).Should().Be("1zJ/w34EOSVAYr7cu7Vo8LnebmK2/GrCgegtr8mQrqM=");
        DingTalkChannel.SignedUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", "SEC000000000000000000000", 1700000000000)
            .Should().Be("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=1zJ%2Fw34EOSVAYr7cu7Vo8LnebmK2%2FGrCgegtr8mQrqM%3D");
        DingTalkChannel.SignedUrl("http://robot.local/send", "s", 1).Should().StartWith("http://robot.local/send?timestamp=1&sign=");
    }

    [Fact]
    public void A_mail_keeps_one_Message_ID_per_delivery()
    {
        var id = Guid.CreateVersion7();
        SmtpChannel.MessageId(id, "noreply@renda.gov.cn").Should().Be($"<{id:N}@renda.gov.cn>").And.Be(SmtpChannel.MessageId(id, "noreply@renda.gov.cn"));
    }

    [Fact]
    public void Robot_markdown_links_only_when_the_public_address_is_known()
    {
        var message = new OutboundMessage(Guid.NewGuid(), "导出完成", "代表名册已生成。", "/system/exports", null, null);
        Robot.Markdown(message, null).Should().Be("### 导出完成\n\n代表名册已生成。");
        Robot.Markdown(message, "https://renda.example.gov.cn/").Should().EndWith("[查看详情](https://renda.example.gov.cn/system/exports)");
    }

    private static Notification Valid() => new()
    {
        TenantId = Guid.NewGuid(),
        RecipientUserIds = [Guid.NewGuid()],
        Category = "exports.completed",
        Title = "导出完成",
        Link = "/system/exports",
    };

    [Fact]
    public void The_notifier_refuses_malformed_notifications_as_programming_errors()
    {
        Notifier.Validate(Valid());
        var bad = new[]
        {
            Valid() with { TenantId = Guid.Empty },
            Valid() with { RecipientUserIds = [] },
            Valid() with { RecipientUserIds = [Guid.Empty] },
            Valid() with { Title = " " },
            Valid() with { Title = new string('长', 201) },
            Valid() with { Category = "" },
            Valid() with { Link = "https://evil.example/" },
            Valid() with { Link = "//evil.example/" },
            Valid() with { DeduplicationKey = new string('k', 301) },
        };
        foreach (var notification in bad)
        {
            FluentActions.Invoking(() => Notifier.Validate(notification)).Should().Throw<ArgumentException>();
        }
    }
}
