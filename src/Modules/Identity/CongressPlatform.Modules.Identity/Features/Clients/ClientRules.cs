using CongressPlatform.BuildingBlocks.Tenancy;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Oidc;
using CongressPlatform.SharedKernel;
using FluentValidation;

namespace CongressPlatform.Modules.Identity.Features.Clients;

/// <summary>An application registered with the single sign-on. The secret is never shown again after it is issued.</summary>
public sealed record ClientDto(
    Guid Id, string ClientId, string DisplayName, bool Confidential, IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris, IReadOnlyList<string> Origins, bool IsEnabled, DateTime CreatedAtUtc, Guid Version);

/// <summary>A client with its new secret: shown this once, stored only as a hash.</summary>
public sealed record ClientWithSecretDto(ClientDto Client, string? Secret);

/// <summary>
/// What registering a client must respect (IDENTITY.md rule 3): addresses are exact absolute URIs
/// without fragment or wildcard, https except on the local machine; origins are scheme, host and port.
/// Clients belong to the whole deployment, so only a system administrator of a top-level organisation
/// registers them; the web client follows configuration and cannot be edited here.
/// </summary>
internal static class ClientRules
{
    public static ClientDto ToDto(OidcClient c) => new(
        c.Id, c.ClientId, c.DisplayName, c.IsConfidential, c.RedirectUriList, c.PostLogoutRedirectUriList, c.OriginList, c.IsEnabled, c.CreatedAtUtc, c.Version);

    public static async Task EnsureDeploymentWideAsync(ITenantContext scope, ITenantDirectory directory, CancellationToken cancellationToken)
    {
        var tenant = await directory.FindAsync(scope.TenantId, cancellationToken);
        if (tenant is null || tenant.ParentId is not null)
        {
            throw new ForbiddenException("client.not_top_level", Text.Of(
                "单点登录应用的登记面向整个平台,须由区级系统管理员办理。",
                "Applications joining the single sign-on are registered for the whole platform, by a system administrator of the district."));
        }
    }

    public static void EnsureNotWebClient(OidcClient client)
    {
        if (client.ClientId == ClientRegistry.SpaClientId)
        {
            throw new BusinessRuleException("client.web_client", Text.Of(
                "平台网页端的地址由部署配置(Identity:Spa)决定,不能在此修改。",
                "The web client's addresses come from the deployment's configuration (Identity:Spa) and cannot be edited here."));
        }
    }

    public static void ApplyAddresses<T>(AbstractValidator<T> validator, Func<T, IReadOnlyList<string>?> redirects, Func<T, IReadOnlyList<string>?> postLogout, Func<T, IReadOnlyList<string>?> origins)
    {
        validator.RuleFor(c => redirects(c)).NotEmpty().WithName(_ => Text.Of("回调地址", "Redirect URIs"))
            .Must(l => l is null || l.Count <= 10).WithMessage(_ => Text.Of("回调地址最多 10 个。", "At most 10 redirect URIs."));
        validator.RuleForEach(c => redirects(c)).Must(IsRedirectUri).WithName(_ => Text.Of("回调地址", "Redirect URI"))
            .WithMessage(_ => Text.Of("回调地址须是完整的 https 地址(本机测试可用 http),不含 # 和通配符。", "A redirect URI must be an absolute https URI (http on the local machine only), without fragment or wildcard."));
        validator.RuleFor(c => postLogout(c)).Must(l => l is null || l.Count <= 10).WithMessage(_ => Text.Of("退出后地址最多 10 个。", "At most 10 post-logout URIs."));
        validator.RuleForEach(c => postLogout(c)).Must(IsRedirectUri).WithName(_ => Text.Of("退出后地址", "Post-logout redirect URI"))
            .WithMessage(_ => Text.Of("退出后地址须是完整的 https 地址(本机测试可用 http),不含 # 和通配符。", "A post-logout URI must be an absolute https URI (http on the local machine only), without fragment or wildcard."));
        validator.RuleFor(c => origins(c)).Must(l => l is null || l.Count <= 10).WithMessage(_ => Text.Of("来源最多 10 个。", "At most 10 origins."));
        validator.RuleForEach(c => origins(c)).Must(IsOrigin).WithName(_ => Text.Of("浏览器来源", "Origin"))
            .WithMessage(_ => Text.Of("浏览器来源须形如 https://example.gov.cn(不含路径)。", "An origin is scheme, host and port only, e.g. https://example.gov.cn."));
    }

    public static bool IsRedirectUri(string? value) =>
        value is { Length: > 0 and <= 500 } && !value.Contains('*', StringComparison.Ordinal) && !value.Contains('#', StringComparison.Ordinal)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLocal(uri)));

    public static bool IsOrigin(string? value) =>
        IsRedirectUri(value) && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.GetLeftPart(UriPartial.Authority) == value;

    private static bool IsLocal(Uri uri) => uri.IsLoopback || uri.Host == "localhost";
}
