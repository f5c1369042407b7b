using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CongressPlatform.BuildingBlocks.Security;

/// <summary>
/// Development and test sign-in that trusts request headers: <c>X-Dev-User</c>, <c>X-Dev-Tenant</c>
/// (tenant id or code) and <c>X-Dev-Roles</c> (comma-separated). It stands in until single sign-on
/// lands and can never be registered in the Production environment (see <see cref="SecurityServiceCollectionExtensions"/>).
/// </summary>
internal sealed class DevelopmentAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DevelopmentHeaders";
    public const string UserHeader = "X-Dev-User";
    public const string TenantHeader = "X-Dev-Tenant";
    public const string RolesHeader = "X-Dev-Roles";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers[UserHeader].ToString();
        if (string.IsNullOrWhiteSpace(user))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var userId = Guid.TryParse(user, out var parsed) ? parsed : StableGuid(user);
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, userId.ToString()),
            new(ClaimNames.Name, Uri.UnescapeDataString(user)),
        };
        var tenant = Request.Headers[TenantHeader].ToString();
        if (!string.IsNullOrWhiteSpace(tenant))
        {
            claims.Add(new Claim(ClaimNames.Tenant, tenant.Trim()));
        }
        foreach (var role in Request.Headers[RolesHeader].ToString()
                     .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            claims.Add(new Claim(ClaimNames.Role, role));
        }
        var identity = new ClaimsIdentity(claims, SchemeName, ClaimNames.Name, ClaimNames.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private static Guid StableGuid(string value) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
}
