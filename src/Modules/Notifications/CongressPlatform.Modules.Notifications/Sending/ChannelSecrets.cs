using CongressPlatform.Modules.Notifications.Channels;
using CongressPlatform.Modules.Notifications.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace CongressPlatform.Modules.Notifications.Sending;

/// <summary>Encrypts the channels' secrets at rest with the host's Data Protection key ring (ADR 0016) and decrypts them to send.</summary>
internal sealed class ChannelSecrets(IDataProtectionProvider provider, IConfiguration configuration)
{
    private readonly IDataProtector _protector = provider.CreateProtector("CongressPlatform.Notifications.ChannelSecrets.v1");

    /// <summary><c>Notifications:PublicBaseUrl</c>: the web client's address, to turn inbox links into absolute ones in mails and robot posts.</summary>
    public string? PublicBaseUrl => configuration["Notifications:PublicBaseUrl"];

    public string? Protect(string? plain) => string.IsNullOrEmpty(plain) ? null : _protector.Protect(plain);

    public string? Unprotect(string? protectedValue) => string.IsNullOrEmpty(protectedValue) ? null : _protector.Unprotect(protectedValue);

    public ChannelConfig Open(ChannelSettings s) => new(
        s.SmtpHost, s.SmtpPort, s.SmtpSecurity, s.SmtpUserName, Unprotect(s.SmtpPasswordProtected), s.SmtpFromAddress, s.SmtpFromName,
        Unprotect(s.WeComWebhookProtected), Unprotect(s.DingTalkWebhookProtected), Unprotect(s.DingTalkSecretProtected), PublicBaseUrl);
}
