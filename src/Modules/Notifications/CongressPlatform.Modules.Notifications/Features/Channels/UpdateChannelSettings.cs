using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Notifications.Contracts;
using CongressPlatform.Modules.Notifications.Domain;
using CongressPlatform.Modules.Notifications.Persistence;
using CongressPlatform.Modules.Notifications.Sending;
using CongressPlatform.SharedKernel;
using FluentValidation;
using MediatR;

namespace CongressPlatform.Modules.Notifications.Features.Channels;

/// <summary>
/// Replaces the active tenant's channel settings. Secrets (<c>SmtpPassword</c>, <c>WeComWebhook</c>, <c>DingTalkWebhook</c>,
/// <c>DingTalkSecret</c>): null keeps the stored one, an empty string removes it. <c>Version</c> is the one last read
/// (null for the first save).
/// </summary>
[RequiresPermission(NotificationsPermissions.ChannelsManage)]
public sealed record UpdateChannelSettingsCommand(
    bool SmtpEnabled, string? SmtpHost, int SmtpPort, SmtpSecurity SmtpSecurity, string? SmtpUserName, string? SmtpPassword,
    string? SmtpFromAddress, string? SmtpFromName,
    bool WeComEnabled, string? WeComWebhook, bool DingTalkEnabled, string? DingTalkWebhook, string? DingTalkSecret,
    IReadOnlyList<string> RobotCategories, Guid? Version) : ICommand<ChannelSettingsDto>;

internal sealed class UpdateChannelSettingsCommandValidator : AbstractValidator<UpdateChannelSettingsCommand>
{
    public UpdateChannelSettingsCommandValidator()
    {
        RuleFor(c => c.SmtpHost).Must(h => !string.IsNullOrWhiteSpace(h) && h.Length <= 200).When(c => c.SmtpEnabled)
            .WithMessage(_ => Text.Of("启用邮件时须填写 SMTP 服务器地址。", "An SMTP host is required when e-mail is enabled."));
        RuleFor(c => c.SmtpPort).InclusiveBetween(1, 65535)
            .WithMessage(_ => Text.Of("端口须在 1 到 65535 之间。", "The port must be between 1 and 65535."));
        RuleFor(c => c.SmtpSecurity).IsInEnum()
            .WithMessage(_ => Text.Of("加密方式须为 None 或 StartTls。", "Security must be None or StartTls."));
        RuleFor(c => c.SmtpFromAddress).Must(IsEmail).When(c => c.SmtpEnabled || !string.IsNullOrEmpty(c.SmtpFromAddress))
            .WithMessage(_ => Text.Of("请填写有效的发件地址。", "A valid sender address is required."));
        RuleFor(c => c.SmtpFromName).MaximumLength(100);
        RuleFor(c => c.SmtpUserName).MaximumLength(200);
        RuleFor(c => c.SmtpPassword).MaximumLength(500);
        RuleFor(c => c.WeComWebhook).Must(IsWebhook).When(c => !string.IsNullOrEmpty(c.WeComWebhook))
            .WithMessage(_ => Text.Of("企业微信机器人地址须为 http(s) 网址。", "The WeCom webhook must be an http(s) URL."));
        RuleFor(c => c.DingTalkWebhook).Must(IsWebhook).When(c => !string.IsNullOrEmpty(c.DingTalkWebhook))
            .WithMessage(_ => Text.Of("钉钉机器人地址须为 http(s) 网址。", "The DingTalk webhook must be an http(s) URL."));
        RuleFor(c => c.DingTalkSecret).MaximumLength(200);
        RuleFor(c => c.RobotCategories).NotNull();
        RuleForEach(c => c.RobotCategories).Must(c => NotificationCategories.All.Any(k => k.Key == c))
            .WithMessage(_ => Text.Of("没有这个通知类别。", "Unknown notification category."));
    }

    private static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 200 && System.Net.Mail.MailAddress.TryCreate(value, out _);

    private static bool IsWebhook(string? value) =>
        value!.Length <= 500 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

internal sealed class UpdateChannelSettingsCommandHandler(NotificationsDbContext db, ITenantContext tenant, ChannelSecrets secrets, TimeProvider clock)
    : IRequestHandler<UpdateChannelSettingsCommand, ChannelSettingsDto>
{
    public async Task<ChannelSettingsDto> Handle(UpdateChannelSettingsCommand request, CancellationToken cancellationToken)
    {
        var settings = await ActiveTenantSettings.FindAsync(db.ChannelSettings, tenant, cancellationToken);
        if (settings is null)
        {
            if (request.Version is not null)
            {
                throw Stale();
            }
            settings = new ChannelSettings();
            db.ChannelSettings.Add(settings);
        }
        else if (request.Version != settings.Version)
        {
            throw Stale();
        }
        settings.SmtpEnabled = request.SmtpEnabled;
        settings.SmtpHost = Clean(request.SmtpHost);
        settings.SmtpPort = request.SmtpPort;
        settings.SmtpSecurity = request.SmtpSecurity;
        settings.SmtpUserName = Clean(request.SmtpUserName);
        settings.SmtpFromAddress = Clean(request.SmtpFromAddress);
        settings.SmtpFromName = Clean(request.SmtpFromName);
        settings.WeComEnabled = request.WeComEnabled;
        settings.DingTalkEnabled = request.DingTalkEnabled;
        settings.RobotCategories = string.Join(',', request.RobotCategories.Distinct(StringComparer.Ordinal));
        settings.SmtpPasswordProtected = Secret(request.SmtpPassword, settings.SmtpPasswordProtected);
        settings.WeComWebhookProtected = Secret(request.WeComWebhook?.Trim(), settings.WeComWebhookProtected);
        settings.DingTalkWebhookProtected = Secret(request.DingTalkWebhook?.Trim(), settings.DingTalkWebhookProtected);
        settings.DingTalkSecretProtected = Secret(request.DingTalkSecret?.Trim(), settings.DingTalkSecretProtected);
        if (settings.WeComEnabled && settings.WeComWebhookProtected is null)
        {
            throw new BusinessRuleException("notifications.webhook_missing", Text.Of("启用企业微信机器人前请填写其地址。", "Enter the WeCom webhook before enabling it."));
        }
        if (settings.DingTalkEnabled && settings.DingTalkWebhookProtected is null)
        {
            throw new BusinessRuleException("notifications.webhook_missing", Text.Of("启用钉钉机器人前请填写其地址。", "Enter the DingTalk webhook before enabling it."));
        }
        settings.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return ChannelSettingsDto.From(settings);
    }

    private string? Secret(string? submitted, string? stored) => submitted switch
    {
        null => stored,
        "" => null,
        _ => secrets.Protect(submitted),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ConflictException Stale() => new("notifications.settings_stale",
        Text.Of("渠道设置已被他人修改,请刷新后重试。", "The channel settings were changed by someone else; reload and try again."));
}
