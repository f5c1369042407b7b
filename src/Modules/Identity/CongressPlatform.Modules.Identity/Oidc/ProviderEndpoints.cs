using System.Security.Claims;
using System.Text;
using CongressPlatform.BuildingBlocks.Hosting;
using CongressPlatform.BuildingBlocks.Security;
using CongressPlatform.Modules.Identity.Audit;
using CongressPlatform.Modules.Identity.Contracts;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Persistence;
using CongressPlatform.SharedKernel;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CongressPlatform.Modules.Identity.Oidc;

/// <summary>
/// The OpenID provider's endpoints (IDENTITY.md): discovery, JWKS, authorize, token, userinfo,
/// end-session and revocation. Protocol endpoints answer as the specifications say (error page,
/// redirect with <c>error</c>, or RFC 6749 JSON), never with problem details.
/// </summary>
internal static class ProviderEndpoints
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string UserinfoPath = "/connect/userinfo";
    public const string EndSessionPath = "/connect/endsession";
    public const string RevocationPath = "/connect/revocation";
    public const string JwksPath = "/connect/jwks";

    private static readonly string[] SupportedScopes = ["openid", "profile", "phone", "offline_access"];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/.well-known/openid-configuration", Discovery).AllowPublic("OpenID Connect discovery").ExcludeFromDescription();
        endpoints.MapGet(JwksPath, Jwks).AllowPublic("Public signing keys").ExcludeFromDescription();
        endpoints.MapMethods(AuthorizePath, GetPost, Authorize).AllowPublic("Authorization endpoint: signs in through the SSO session").ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapMethods(TokenPath, PostOptions, Token).AllowPublic("Token endpoint: client authentication per request").RequireRateLimiting(RateLimitPolicies.Token).ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapMethods(UserinfoPath, GetPostOptions, Userinfo).AllowPublic("Userinfo: bearer access token checked by the endpoint").ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapMethods(EndSessionPath, GetPost, EndSession).AllowPublic("RP-initiated logout").ExcludeFromDescription().DisableAntiforgery();
        endpoints.MapMethods(RevocationPath, PostOptions, Revocation).AllowPublic("Token revocation: client authentication per request").RequireRateLimiting(RateLimitPolicies.Token).ExcludeFromDescription().DisableAntiforgery();
    }

    private static readonly string[] GetPost = ["GET", "POST"];
    private static readonly string[] PostOptions = ["POST", "OPTIONS"];
    private static readonly string[] GetPostOptions = ["GET", "POST", "OPTIONS"];

    /// <summary>The metadata that does not depend on the issuer.</summary>
    private static readonly Dictionary<string, object> Metadata = new()
    {
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["grant_types_supported"] = new[] { "authorization_code", "refresh_token" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "none", "client_secret_basic", "client_secret_post" },
        ["revocation_endpoint_auth_methods_supported"] = new[] { "none", "client_secret_basic", "client_secret_post" },
        ["scopes_supported"] = SupportedScopes,
        ["claims_supported"] = new[] { "sub", "name", "preferred_username", "phone_number", "auth_time", "amr", "sid", "tid", "nonce" },
        ["prompt_values_supported"] = new[] { "none", "login" },
        ["authorization_response_iss_parameter_supported"] = true,
        ["claims_parameter_supported"] = false,
        ["request_parameter_supported"] = false,
        ["request_uri_parameter_supported"] = false,
        ["ui_locales_supported"] = new[] { "zh-CN", "en-US" },
    };

    private static IResult Discovery(HttpContext context, TokenFactory tokens)
    {
        var issuer = tokens.Issuer(context);
        var document = new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = issuer + AuthorizePath,
            ["token_endpoint"] = issuer + TokenPath,
            ["userinfo_endpoint"] = issuer + UserinfoPath,
            ["jwks_uri"] = issuer + JwksPath,
            ["end_session_endpoint"] = issuer + EndSessionPath,
            ["revocation_endpoint"] = issuer + RevocationPath,
        };
        foreach (var (key, value) in Metadata)
        {
            document[key] = value;
        }
        return Results.Json(document);
    }

    private static async Task<IResult> Jwks(SigningKeyStore keys, HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Json(new { keys = await keys.GetPublishedKeysAsync(cancellationToken) });
    }

    // ── authorize ─────────────────────────────────────────────────────────────────────────────────

    private static async Task Authorize(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var parameters = await ReadParametersAsync(context);
        string? P(string name) => parameters.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;
        bool Repeated(string name) => parameters.TryGetValue(name, out var v) && v.Count > 1;

        var clients = services.GetRequiredService<ClientRegistry>();
        var client = await clients.FindAsync(P("client_id"), cancellationToken);
        if (client is null || Repeated("client_id"))
        {
            await ProviderPages.ErrorAsync(context, 400, "invalid_client", "请求来自未登记的应用,无法登录。", "The application asking for sign-in is not registered.");
            return;
        }
        var redirectUri = P("redirect_uri");
        if (!client.HasRedirectUri(redirectUri) || Repeated("redirect_uri"))
        {
            await ProviderPages.ErrorAsync(context, 400, "invalid_redirect_uri", "应用提供的回调地址未登记,为安全起见不会跳转。", "The redirect address is not registered for this application; for your safety you are not sent there.");
            return;
        }
        var issuer = services.GetRequiredService<TokenFactory>().Issuer(context);
        var state = P("state");
        var post = HttpMethods.IsPost(context.Request.Method);
        IResult Fail(string error, string description) => RedirectTo(redirectUri!, post, new()
        {
            ["error"] = error,
            ["error_description"] = description,
            ["state"] = state,
            ["iss"] = issuer,
        });

        foreach (var single in new[] { "response_type", "scope", "state", "nonce", "code_challenge", "code_challenge_method", "prompt", "max_age", "tenant" })
        {
            if (Repeated(single))
            {
                await Fail("invalid_request", $"parameter {single} is repeated").ExecuteAsync(context);
                return;
            }
        }
        if (P("request") is not null)
        {
            await Fail("request_not_supported", "request objects are not supported").ExecuteAsync(context);
            return;
        }
        if (P("request_uri") is not null)
        {
            await Fail("request_uri_not_supported", "request_uri is not supported").ExecuteAsync(context);
            return;
        }
        if (P("response_type") != "code")
        {
            await Fail(P("response_type") is null ? "invalid_request" : "unsupported_response_type", "only response_type=code is supported").ExecuteAsync(context);
            return;
        }
        if (P("response_mode") is { } mode && mode != "query")
        {
            await Fail("invalid_request", "only response_mode=query is supported").ExecuteAsync(context);
            return;
        }
        var scopes = (P("scope") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (!scopes.Contains("openid"))
        {
            await Fail("invalid_scope", "the openid scope is required").ExecuteAsync(context);
            return;
        }
        var challenge = P("code_challenge");
        if (challenge is null)
        {
            await Fail("invalid_request", "code_challenge (PKCE, S256) is required").ExecuteAsync(context);
            return;
        }
        if (P("code_challenge_method") != "S256")
        {
            await Fail("invalid_request", "code_challenge_method must be S256").ExecuteAsync(context);
            return;
        }
        if (!ProviderCrypto.IsWellFormedChallenge(challenge))
        {
            await Fail("invalid_request", "code_challenge is not a base64url SHA-256 value").ExecuteAsync(context);
            return;
        }
        var nonce = P("nonce");
        if (nonce is { Length: > 200 } || state is { Length: > 1000 })
        {
            await Fail("invalid_request", "nonce or state is too long").ExecuteAsync(context);
            return;
        }
        var prompts = (P("prompt") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (prompts.Contains("none") && prompts.Length > 1)
        {
            await Fail("invalid_request", "prompt=none cannot be combined with other values").ExecuteAsync(context);
            return;
        }
        int? maxAge = null;
        if (P("max_age") is { } maxAgeText)
        {
            if (!int.TryParse(maxAgeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                await Fail("invalid_request", "max_age must be a non-negative integer").ExecuteAsync(context);
                return;
            }
            maxAge = parsed;
        }

        var sessions = services.GetRequiredService<SsoSessions>();
        var clock = services.GetRequiredService<TimeProvider>();
        var session = await sessions.FindAsync(context, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var db = services.GetRequiredService<IdentityDbContext>();
        var user = session is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == session.UserId, cancellationToken);
        if (session is not null && (user is null || !user.CanSignIn(ChinaTime.Today(clock))))
        {
            await sessions.EndAsync(session, "account_unavailable", cancellationToken);
            session = null;
        }
        var mustAuthenticate = session is null
            || prompts.Contains("login")
            || (maxAge is { } age && now - session.AuthenticatedAtUtc > TimeSpan.FromSeconds(age));
        if (mustAuthenticate)
        {
            if (prompts.Contains("none"))
            {
                await Fail("login_required", "the user is not signed in").ExecuteAsync(context);
                return;
            }
            // Back here after signing in, without what forced the sign-in (it is then satisfied).
            var back = new Dictionary<string, StringValues>(parameters.Where(p => p.Key is not ("prompt" or "max_age")), StringComparer.Ordinal);
            var returnUrl = QueryHelpers.AddQueryString(AuthorizePath, back.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))));
            if (session is not null)
            {
                // Forced re-authentication ends the current session first.
                await sessions.EndAsync(session, "reauthentication", cancellationToken);
            }
            Redirect(context, QueryHelpers.AddQueryString("/account/login", "returnUrl", returnUrl), post);
            return;
        }

        var access = services.GetRequiredService<TenantAccess>();
        var grant = await access.ResolveAsync(user!.Id, P("tenant"), cancellationToken);
        if (grant is null)
        {
            await Fail("access_denied", "the user holds no seat in the requested organisation").ExecuteAsync(context);
            return;
        }

        var code = ProviderCrypto.NewHandle();
        var lifetime = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<ProviderOptions>>().Value.Tokens.AuthorizationCodeSeconds);
        db.Add(AuthorizationCode.Issue(
            ProviderCrypto.Hash(code), client.ClientId, redirectUri!, user.Id, session!.Id, grant.Tenant.Id,
            string.Join(' ', scopes.Where(SupportedScopes.Contains)), nonce, challenge, session.AuthenticatedAtUtc, session.Methods, now, lifetime));
        await db.SaveChangesAsync(cancellationToken);
        if (grant.BySupervision || P("tenant") is not null)
        {
            await services.GetRequiredService<IIdentityAudit>().RecordAsync(new IdentityAuditRecord(
                grant.BySupervision ? IdentityAuditKinds.SupervisionEntered : IdentityAuditKinds.TenantSwitched, true, user.Id, user.UserName,
                TenantId: grant.Tenant.Id, ClientId: client.ClientId, Detail: $"{grant.Tenant.Code} {string.Join(',', grant.Roles)}"), cancellationToken);
        }
        await RedirectTo(redirectUri!, post, new() { ["code"] = code, ["state"] = state, ["iss"] = issuer }).ExecuteAsync(context);
    }

    private static async Task<Dictionary<string, StringValues>> ReadParametersAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        }
        return context.Request.Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
    }

    /// <summary>A redirect to a registered address with the response in the query: 302 after GET, 303 after POST.</summary>
    private static SeeOtherOrFound RedirectTo(string redirectUri, bool afterPost, Dictionary<string, string?> values)
    {
        var url = QueryHelpers.AddQueryString(redirectUri, values.Where(v => v.Value is not null));
        return new SeeOtherOrFound(url, afterPost);
    }

    private static void Redirect(HttpContext context, string url, bool afterPost)
    {
        context.Response.StatusCode = afterPost ? StatusCodes.Status303SeeOther : StatusCodes.Status302Found;
        context.Response.Headers.Location = url;
        context.Response.Headers.CacheControl = "no-store";
    }

    private sealed class SeeOtherOrFound(string url, bool afterPost) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            Redirect(httpContext, url, afterPost);
            return Task.CompletedTask;
        }
    }

    // ── token ─────────────────────────────────────────────────────────────────────────────────────

    private static async Task<IResult> Token(HttpContext context, CancellationToken cancellationToken)
    {
        if (await CorsAsync(context, cancellationToken) is { } preflight)
        {
            return preflight;
        }
        NoStore(context);
        if (!context.Request.HasFormContentType)
        {
            return OAuthError("invalid_request", "the request must be application/x-www-form-urlencoded");
        }
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var (client, clientError) = await AuthenticateClientAsync(context, form, cancellationToken);
        if (clientError is not null)
        {
            return clientError;
        }
        foreach (var field in form.Where(f => f.Value.Count > 1))
        {
            return OAuthError("invalid_request", $"parameter {field.Key} is repeated");
        }
        var service = context.RequestServices.GetRequiredService<TokenService>();
        var issuer = context.RequestServices.GetRequiredService<TokenFactory>().Issuer(context);
        return form["grant_type"].ToString() switch
        {
            "authorization_code" => await service.RedeemCodeAsync(issuer, client!, form["code"], form["redirect_uri"], form["code_verifier"], cancellationToken),
            "refresh_token" => await service.RefreshAsync(context, issuer, client!, form["refresh_token"], cancellationToken),
            "" => OAuthError("invalid_request", "grant_type is required"),
            _ => OAuthError("unsupported_grant_type", "only authorization_code and refresh_token are supported"),
        };
    }

    /// <summary>
    /// RFC 6749 §2.3: client_secret_basic, client_secret_post, or (public clients) client_id alone.
    /// A confidential client must authenticate; a public one may not present a secret.
    /// </summary>
    private static async Task<(OidcClient? Client, IResult? Error)> AuthenticateClientAsync(HttpContext context, IFormCollection form, CancellationToken cancellationToken)
    {
        string? id = null, secret = null;
        var basic = false;
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            basic = true;
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    return (null, InvalidClient(true));
                }
                id = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
                secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
            }
            catch (FormatException)
            {
                return (null, InvalidClient(true));
            }
            if (form.ContainsKey("client_secret") || (form["client_id"].ToString() is { Length: > 0 } formId && formId != id))
            {
                return (null, OAuthError("invalid_request", "use one client authentication method"));
            }
        }
        else
        {
            id = form["client_id"].ToString();
            secret = form.TryGetValue("client_secret", out var s) ? s.ToString() : null;
        }
        var client = await context.RequestServices.GetRequiredService<ClientRegistry>().FindAsync(id, cancellationToken);
        if (client is null)
        {
            return (null, InvalidClient(basic));
        }
        if (client.IsConfidential ? !ProviderCrypto.SecretMatches(secret, client.SecretHash) : secret is not null)
        {
            return (null, InvalidClient(basic));
        }
        return (client, null);
    }

    private static OAuthErrorResult InvalidClient(bool basic) => new OAuthErrorResult("invalid_client", "client authentication failed", StatusCodes.Status401Unauthorized, basic);

    public static IResult OAuthError(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        new OAuthErrorResult(error, description, status, false);

    private sealed class OAuthErrorResult(string error, string description, int status, bool basic) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            NoStore(httpContext);
            if (status == StatusCodes.Status401Unauthorized)
            {
                httpContext.Response.Headers.WWWAuthenticate = basic ? "Basic realm=\"congress\"" : "Bearer";
            }
            httpContext.Response.StatusCode = status;
            return httpContext.Response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description });
        }
    }

    private static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
    }

    /// <summary>CORS for the browser-called endpoints: registered SPA origins only. A preflight is answered here.</summary>
    private static async Task<IResult?> CorsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var origin = context.Request.Headers.Origin.ToString();
        var allowed = origin.Length > 0 && await context.RequestServices.GetRequiredService<ClientRegistry>().IsAllowedOriginAsync(origin, cancellationToken);
        context.Response.Headers.Vary = "Origin";
        if (allowed)
        {
            context.Response.Headers.AccessControlAllowOrigin = origin;
        }
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            if (allowed)
            {
                context.Response.Headers.AccessControlAllowMethods = "GET, POST";
                context.Response.Headers.AccessControlAllowHeaders = "Authorization, Content-Type";
                context.Response.Headers.AccessControlMaxAge = "600";
            }
            return Results.NoContent();
        }
        return null;
    }

    // ── userinfo ──────────────────────────────────────────────────────────────────────────────────

    private static async Task<IResult> Userinfo(HttpContext context, CancellationToken cancellationToken)
    {
        if (await CorsAsync(context, cancellationToken) is { } preflight)
        {
            return preflight;
        }
        NoStore(context);
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        if (token is null && HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            token = (await context.Request.ReadFormAsync(cancellationToken))["access_token"].ToString();
        }
        var issuer = context.RequestServices.GetRequiredService<TokenFactory>().Issuer(context);
        var identity = string.IsNullOrEmpty(token) ? null
            : await context.RequestServices.GetRequiredService<AccessTokenValidator>().ValidateAsync(token, issuer, cancellationToken);
        var check = identity is null ? null : await context.RequestServices.GetRequiredService<AccessCheck>().CheckAsync(identity, cancellationToken);
        if (check is null)
        {
            context.Response.Headers.WWWAuthenticate = string.IsNullOrEmpty(token) ? "Bearer" : "Bearer error=\"invalid_token\"";
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }
        var scopes = identity!.FindFirst("scope")?.Value.Split(' ') ?? [];
        var claims = new Dictionary<string, object?>
        {
            ["sub"] = check.User.Id.ToString(),
            ["tid"] = check.Grant.Tenant.Id.ToString(),
        };
        if (scopes.Contains("profile"))
        {
            claims["name"] = check.User.DisplayName;
            claims["preferred_username"] = check.User.UserName;
        }
        if (scopes.Contains("phone") && check.User.PhoneNumber is { } phone)
        {
            // Personal data leaves the server masked (PIPL); the full number only through an audited reveal.
            claims["phone_number"] = Features.Users.UserAdministrationRules.MaskPhone(phone);
        }
        return Results.Json(claims);
    }

    // ── end session ───────────────────────────────────────────────────────────────────────────────

    private static async Task EndSession(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var parameters = await ReadParametersAsync(context);
        string? P(string name) => parameters.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;
        var issuer = services.GetRequiredService<TokenFactory>().Issuer(context);
        var hint = await services.GetRequiredService<AccessTokenValidator>().ValidateIdTokenHintAsync(P("id_token_hint"), issuer, cancellationToken);
        if (P("id_token_hint") is not null && hint is null)
        {
            await ProviderPages.ErrorAsync(context, 400, "invalid_request", "退出请求所附的身份凭证无效。", "The ID token hint of the sign-out request is not valid.");
            return;
        }
        var clientId = P("client_id") ?? hint?.Audiences.FirstOrDefault();
        if (hint is not null && P("client_id") is { } named && !hint.Audiences.Contains(named))
        {
            await ProviderPages.ErrorAsync(context, 400, "invalid_request", "退出请求中的应用与身份凭证不符。", "The client of the sign-out request does not match the ID token hint.");
            return;
        }
        var client = await services.GetRequiredService<ClientRegistry>().FindAsync(clientId, cancellationToken);
        var postLogout = P("post_logout_redirect_uri");
        if (postLogout is not null && (client is null || !client.HasPostLogoutRedirectUri(postLogout)))
        {
            await ProviderPages.ErrorAsync(context, 400, "invalid_request", "退出后的跳转地址未登记,为安全起见不会跳转。", "The post-logout redirect address is not registered; for your safety you are not sent there.");
            return;
        }
        if (hint is null)
        {
            // Without proof of who asks, the person decides (RP-Initiated Logout §2); no redirect afterwards.
            await ProviderPages.ConfirmSignOutAsync(context, services.GetRequiredService<IAntiforgery>());
            return;
        }
        var sessions = services.GetRequiredService<SsoSessions>();
        var db = services.GetRequiredService<IdentityDbContext>();
        if (await sessions.FindAsync(context, cancellationToken) is { } current && current.UserId.ToString() == hint.Subject)
        {
            await sessions.EndAsync(current, "signed_out", cancellationToken);
        }
        else if (Guid.TryParse(hint.GetPayloadValue<string>("sid"), out var sid)
                 && await db.Set<SsoSession>().SingleOrDefaultAsync(s => s.Id == sid && s.UserId.ToString() == hint.Subject, cancellationToken) is { } named2)
        {
            await sessions.EndAsync(named2, "signed_out", cancellationToken);
        }
        await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(context, SsoCookies.Session);
        if (postLogout is null)
        {
            Redirect(context, "/account/signed-out", HttpMethods.IsPost(context.Request.Method));
            return;
        }
        Redirect(context, QueryHelpers.AddQueryString(postLogout, new Dictionary<string, string?> { ["state"] = P("state") }.Where(v => v.Value is not null)), HttpMethods.IsPost(context.Request.Method));
    }

    // ── revocation ────────────────────────────────────────────────────────────────────────────────

    private static async Task<IResult> Revocation(HttpContext context, CancellationToken cancellationToken)
    {
        if (await CorsAsync(context, cancellationToken) is { } preflight)
        {
            return preflight;
        }
        NoStore(context);
        if (!context.Request.HasFormContentType)
        {
            return OAuthError("invalid_request", "the request must be application/x-www-form-urlencoded");
        }
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var (client, clientError) = await AuthenticateClientAsync(context, form, cancellationToken);
        if (clientError is not null)
        {
            return clientError;
        }
        var token = form["token"].ToString();
        if (token.Length == 0)
        {
            return OAuthError("invalid_request", "token is required");
        }
        await context.RequestServices.GetRequiredService<TokenService>().RevokeAsync(client!, token, cancellationToken);
        return Results.Ok();
    }
}
