using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using CongressPlatform.Modules.Notifications.Domain;

namespace CongressPlatform.Modules.Notifications.Channels;

/// <summary>What one channel sends: the snapshot of a delivery, and the person for an e-mail.</summary>
internal sealed record OutboundMessage(Guid DeliveryId, string Subject, string Body, string? Link, string? ToAddress, string? ToName);

/// <summary>The outcome of one attempt: the remote status code (HTTP or SMTP) when there was one.</summary>
internal sealed record SendResult(bool Succeeded, int? StatusCode, string? Error)
{
    public static SendResult Ok(int? status) => new(true, status, null);

    public static SendResult Fail(int? status, string error) => new(false, status, error);
}

/// <summary>A tenant's channel settings with the secrets decrypted, for the length of one send.</summary>
internal sealed record ChannelConfig(
    string? SmtpHost, int SmtpPort, SmtpSecurity SmtpSecurity, string? SmtpUserName, string? SmtpPassword, string? SmtpFromAddress, string? SmtpFromName,
    string? WeComWebhook, string? DingTalkWebhook, string? DingTalkSecret, string? PublicBaseUrl);

/// <summary>One outbound channel. Implementations never throw for a remote failure: they return it.</summary>
internal interface INotificationChannel
{
    ChannelKind Kind { get; }

    Task<SendResult> SendAsync(ChannelConfig config, OutboundMessage message, CancellationToken cancellationToken);
}

/// <summary>E-mail through the tenant's SMTP server (System.Net.Mail: in the framework; MailKit is not in the package source, ADR 0018).</summary>
internal sealed class SmtpChannel : INotificationChannel
{
    public ChannelKind Kind => ChannelKind.Email;

    public async Task<SendResult> SendAsync(ChannelConfig config, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(config.SmtpHost) || string.IsNullOrWhiteSpace(config.SmtpFromAddress))
        {
            return SendResult.Fail(null, "SMTP 未配置(服务器或发件地址为空)");
        }
        if (string.IsNullOrWhiteSpace(message.ToAddress))
        {
            return SendResult.Fail(null, "收件人没有登记电子邮箱");
        }
        using var mail = new MailMessage
        {
            From = new MailAddress(config.SmtpFromAddress, config.SmtpFromName ?? "", Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = Compose(message, config.PublicBaseUrl),
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.Base64,
            HeadersEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.ToAddress, message.ToName ?? "", Encoding.UTF8));
        // Stable per delivery: a retry after an unrecorded success carries the same id, so mail systems can drop the copy.
        mail.Headers.Add("Message-ID", MessageId(message.DeliveryId, config.SmtpFromAddress));
        using var client = new SmtpClient(config.SmtpHost, config.SmtpPort)
        {
            EnableSsl = config.SmtpSecurity == SmtpSecurity.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (!string.IsNullOrEmpty(config.SmtpUserName))
        {
            client.Credentials = new NetworkCredential(config.SmtpUserName, config.SmtpPassword);
        }
        try
        {
            await client.SendMailAsync(mail, cancellationToken);
            return SendResult.Ok(250);
        }
        catch (SmtpException ex)
        {
            return SendResult.Fail((int)ex.StatusCode, $"{ex.Message} {ex.InnerException?.Message}".Trim());
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException or FormatException)
        {
            return SendResult.Fail(null, ex.Message);
        }
    }

    public static string MessageId(Guid deliveryId, string from)
    {
        var domain = from.Contains('@') ? from[(from.IndexOf('@') + 1)..] : "congress-platform";
        return $"<{deliveryId:N}@{domain}>";
    }

    internal static string Compose(OutboundMessage message, string? baseUrl)
    {
        var text = new StringBuilder(message.Body);
        if (Robot.AbsoluteLink(message.Link, baseUrl) is { } link)
        {
            text.Append("\r\n\r\n查看详情:").Append(link);
        }
        text.Append("\r\n\r\n—— 基层人大工作平台(此邮件由系统发送,请勿直接回复)");
        return text.ToString();
    }
}

/// <summary>Shared by the WeCom and DingTalk group robots: both take a JSON post and answer <c>{"errcode":0}</c>.</summary>
internal static class Robot
{
    public const string HttpClientName = "notifications.robots";

    // Chinese stays readable in the posted JSON (both robots accept either form).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string? AbsoluteLink(string? link, string? baseUrl) =>
        link is null ? null : string.IsNullOrWhiteSpace(baseUrl) ? link : baseUrl.TrimEnd('/') + link;

    public static string Markdown(OutboundMessage message, string? baseUrl)
    {
        var text = new StringBuilder("### ").Append(message.Subject).Append("\n\n").Append(message.Body);
        if (AbsoluteLink(message.Link, baseUrl) is { } link && link.StartsWith("http", StringComparison.Ordinal))
        {
            text.Append("\n\n[查看详情](").Append(link).Append(')');
        }
        return text.ToString();
    }

    public static async Task<SendResult> PostAsync(HttpClient http, string url, object payload, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(url, payload, Json, cancellationToken);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return SendResult.Fail(status, $"HTTP {status}: {Truncate(body)}");
            }
            // Both robots answer 200 with errcode 0 on success, and 200 with another errcode (bad key, rate limit) otherwise.
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.TryGetProperty("errcode", out var code) && code.GetInt32() != 0)
                {
                    return SendResult.Fail(status, $"errcode {code.GetInt32()}: {Truncate(body)}");
                }
            }
            catch (JsonException)
            {
                return SendResult.Fail(status, $"无法识别的应答:{Truncate(body)}");
            }
            return SendResult.Ok(status);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return SendResult.Fail(null, ex.Message);
        }
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300];
}

/// <summary>WeCom (企业微信) group robot: <c>{"msgtype":"markdown","markdown":{"content":…}}</c>.</summary>
internal sealed class WeComChannel(IHttpClientFactory http) : INotificationChannel
{
    public ChannelKind Kind => ChannelKind.WeCom;

    public Task<SendResult> SendAsync(ChannelConfig config, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(config.WeComWebhook))
        {
            return Task.FromResult(SendResult.Fail(null, "企业微信机器人地址未配置"));
        }
        var payload = new { msgtype = "markdown", markdown = new { content = Robot.Markdown(message, config.PublicBaseUrl) } };
        return Robot.PostAsync(http.CreateClient(Robot.HttpClientName), config.WeComWebhook, payload, cancellationToken);
    }
}

/// <summary>DingTalk (钉钉) group robot, signed when a secret is set (加签: timestamp and HMAC-SHA256 in the URL).</summary>
internal sealed class DingTalkChannel(IHttpClientFactory http, TimeProvider clock) : INotificationChannel
{
    public ChannelKind Kind => ChannelKind.DingTalk;

    public Task<SendResult> SendAsync(ChannelConfig config, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(config.DingTalkWebhook))
        {
            return Task.FromResult(SendResult.Fail(null, "钉钉机器人地址未配置"));
        }
        var url = string.IsNullOrEmpty(config.DingTalkSecret)
            ? config.DingTalkWebhook
            : SignedUrl(config.DingTalkWebhook, config.DingTalkSecret, clock.GetUtcNow().ToUnixTimeMilliseconds());
        var payload = new { msgtype = "markdown", markdown = new { title = message.Subject, text = Robot.Markdown(message, config.PublicBaseUrl) } };
        return Robot.PostAsync(http.CreateClient(Robot.HttpClientName), url, payload, cancellationToken);
    }

    /// <summary>
    /// DingTalk's signature: <c>sign = urlEncode(base64(HmacSHA256(key: secret, data: timestamp + "\n" + secret)))</c>,
    /// appended with the timestamp (milliseconds) to the webhook URL. DingTalk refuses a timestamp more than an hour off.
    /// </summary>
    public static string SignedUrl(string webhook, string secret, long timestampMs)
    {
        var sign = Sign(secret, timestampMs);
        return $"{webhook}{(webhook.Contains('?') ? '&' : '?')}timestamp={timestampMs}&sign={Uri.EscapeDataString(sign)}";
    }

    public static string Sign(string secret, long timestampMs)
    {
        var data = Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}");
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }
}

/// <summary>Exponential back-off between attempts: 30 s, 1 min, 2 min, 4 min, 8 min … at most an hour.</summary>
internal static class Backoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Max = TimeSpan.FromHours(1);

    /// <summary>The wait after the given failed attempt (1 = the first).</summary>
    public static TimeSpan After(int failedAttempts)
    {
        var n = Math.Clamp(failedAttempts, 1, 30);
        var seconds = First.TotalSeconds * Math.Pow(2, n - 1);
        return seconds >= Max.TotalSeconds ? Max : TimeSpan.FromSeconds(seconds);
    }
}
