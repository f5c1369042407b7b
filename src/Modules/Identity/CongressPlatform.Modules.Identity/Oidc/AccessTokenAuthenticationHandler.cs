using System.Security.Claims;
using System.Text.Encodings.Web;
using CongressPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CongressPlatform.Modules.Identity.Oidc;

/// <summary>
/// The API's sign-in: a bearer access token of our provider (<see cref="AccessTokenValidator"/>),
/// re-checked against the database (<see cref="AccessCheck"/>). The tenant comes from the token only;
/// the roles are the database's. Failures answer 401 with <c>WWW-Authenticate: Bearer error="invalid_token"</c>.
/// </summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccessTokenValidator validator, AccessCheck check, TokenFactory tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Failed = "congress.bearer.failed";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header[7..].Trim();
        var identity = await validator.ValidateAsync(token, tokens.Issuer(Context), Context.RequestAborted);
        var result = identity is null ? null : await check.CheckAsync(identity, Context.RequestAborted);
        if (result is null)
        {
            Context.Items[Failed] = true;
            return AuthenticateResult.Fail("The access token is not valid.");
        }
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, result.User.Id.ToString()),
            new(ClaimNames.Name, result.User.DisplayName),
            new(ClaimNames.Tenant, result.Grant.Tenant.Id.ToString()),
            new(SsoCookies.SessionIdClaim, result.SessionId.ToString()),
        };
        // Step-up: the administrator roles count only in a session signed in with a second factor. Someone made an
        // administrator while signed in with a password alone keeps their other roles until they sign in again.
        var secondFactor = identity!.FindAll("amr").Any(c => c.Value == "mfa");
        claims.AddRange(result.Grant.Roles.Where(r => secondFactor || !SignInFlow.PrivilegedRoles.Contains(r)).Select(r => new Claim(ClaimNames.Role, r)));
        foreach (var name in new[] { "client_id", "auth_time", "amr" })
        {
            claims.AddRange(identity!.FindAll(name).Select(c => new Claim(name, c.Value)));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, ClaimNames.Name, ClaimNames.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = Context.Items.ContainsKey(Failed) ? "Bearer error=\"invalid_token\"" : "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
