using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CongressPlatform.Benchmarks.Serve;
using CongressPlatform.BuildingBlocks.Persistence;
using CongressPlatform.Modules.Identity.DemoData;
using CongressPlatform.Modules.Identity.Domain;
using CongressPlatform.Modules.Identity.Oidc;
using CongressPlatform.Modules.Identity.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CongressPlatform.Benchmarks.Sso;

/// <summary>
/// What single sign-on costs the server per operation, on the real platform built as serve mode builds
/// it (<see cref="ServeMode.BuildAsync"/>: <c>AddPlatform</c> + <c>UsePlatform</c> with every module, a fresh
/// SQLite file, demo data, the provider's own RSA-2048 signing key from its key store), not started:
/// the services are called in-process, each "request" in a DI scope of its own, as ASP.NET Core does.
/// <list type="bullet">
/// <item>Issuance: <see cref="TokenFactory"/> signing an access token, the access + ID token pair the token
/// endpoint signs, and the whole <c>authorization_code</c> exchange (<see cref="TokenService.RedeemCodeAsync"/>
/// and its JSON response) on a code row written as the authorize endpoint writes it.</item>
/// <item>Validation: <see cref="AccessTokenValidator"/> alone, and the API's authentication of a bearer
/// request (<see cref="IAuthenticationService.AuthenticateAsync"/> with the default scheme: the policy scheme
/// forwards to <see cref="AccessTokenAuthenticationHandler"/>, which validates and re-checks account, session and
/// seat through <see cref="AccessCheck"/>), with that check cached (as on almost every request) and not.</item>
/// <item>For scale: the password check of the sign-in form (ASP.NET Core Identity's PBKDF2).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SsoBenchmarks
{
    public const string Account = "deputy.li";
    public const string ClientId = "congress-spa";
    public const string RedirectUri = "http://localhost:5080/auth/callback";
    public const string Scope = "openid profile offline_access";
    private const string Host = "127.0.0.1";
    private const int Port = 5300;

    // A fixed PKCE pair: the server checks the verifier against the stored challenge on every exchange.
    private static readonly string Verifier = Base64UrlEncoder.Encode(Encoding.ASCII.GetBytes("congress-benchmark-pkce-verifier-0123456789"));
    private static readonly string Challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    private BenchDatabase _database = null!;
    private WebApplication _app = null!;
    private IServiceScopeFactory _scopes = null!;
    private TokenFactory _tokens = null!;
    private AccessTokenValidator _validator = null!;
    private IMemoryCache _cache = null!;
    private TokenSubject _subject = null!;
    private SsoSession _session = null!;
    private OidcClient _client = null!;
    private string _issuer = null!;
    private string _accessToken = null!;
    private string _passwordHash = null!;
    private PasswordHasher<UserAccount> _hasher = null!;
    private (string, Guid, Guid, Guid) _accessCheckKey;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var options = new ServeOptions(DatabaseProvider.Sqlite, 0, Port, 0, null);
        _database = await BenchDatabase.CreateAsync(options);
        // Warning, not Information: the benchmark process's console is BenchmarkDotNet's channel.
        _app = await ServeMode.BuildAsync(options, _database, "Warning");
        var services = _app.Services;
        _scopes = services.GetRequiredService<IServiceScopeFactory>();
        _tokens = services.GetRequiredService<TokenFactory>();
        _validator = services.GetRequiredService<AccessTokenValidator>();
        _cache = services.GetRequiredService<IMemoryCache>();
        _issuer = $"http://{Host}:{Port}";

        using (var scope = _scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == Account);
            _passwordHash = user.PasswordHash!;
            _session = SsoSession.Start(user.Id, ["pwd"], TimeProvider.System.GetUtcNow().UtcDateTime);
            db.Add(_session);
            await db.SaveChangesAsync();
            var grant = await scope.ServiceProvider.GetRequiredService<TenantAccess>().ResolveAsync(user.Id, null, CancellationToken.None)
                ?? throw new InvalidOperationException($"{Account} holds no seat.");
            _subject = new TokenSubject(user.Id, user.UserName, user.DisplayName, _session.Id, ClientId, Scope, grant.Tenant.Id, grant.Roles,
                _session.AuthenticatedAtUtc, _session.MethodList);
            _client = await scope.ServiceProvider.GetRequiredService<ClientRegistry>().FindAsync(ClientId, CancellationToken.None)
                ?? throw new InvalidOperationException($"Client {ClientId} is not registered.");
        }
        _accessCheckKey = ("access-check", _subject.UserId, _subject.SessionId, _subject.TenantId);
        _hasher = new PasswordHasher<UserAccount>(services.GetRequiredService<IOptions<PasswordHasherOptions>>());

        // Every path must do what it claims before it is timed.
        (_accessToken, _) = await _tokens.CreateAccessTokenAsync(_issuer, _subject, CancellationToken.None);
        if (await _validator.ValidateAsync(_accessToken, _issuer, CancellationToken.None) is null)
        {
            throw new InvalidOperationException("The validator refuses the benchmark's access token.");
        }
        if (await BearerAuthenticateCached() != "ok")
        {
            throw new InvalidOperationException("The bearer handler refuses the benchmark's access token.");
        }
        var exchange = await ExchangeCode();
        if (exchange != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"The code exchange answered {exchange}.");
        }
        if (_hasher.VerifyHashedPassword(null!, _passwordHash, IdentityDemoData.DemoPassword) != PasswordVerificationResult.Success)
        {
            throw new InvalidOperationException("The demo password does not verify.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    // ── issuance ──────────────────────────────────────────────────────────────────────────────────

    [BenchmarkCategory("Issue"), Benchmark(Baseline = true, Description = "access token: TokenFactory (RS256)")]
    public async Task<string> IssueAccessToken() => (await _tokens.CreateAccessTokenAsync(_issuer, _subject, CancellationToken.None)).Token;

    [BenchmarkCategory("Issue"), Benchmark(Description = "access + ID token (what /connect/token signs)")]
    public async Task<string> IssueAccessAndIdToken()
    {
        var (access, _) = await _tokens.CreateAccessTokenAsync(_issuer, _subject, CancellationToken.None);
        return await _tokens.CreateIdTokenAsync(_issuer, _subject, "n-bench", access, CancellationToken.None);
    }

    [BenchmarkCategory("Issue"), Benchmark(Description = "code row as /connect/authorize writes it")]
    public async Task<string> WriteCode()
    {
        using var scope = _scopes.CreateScope();
        return await WriteCodeAsync(scope.ServiceProvider);
    }

    [BenchmarkCategory("Issue"), Benchmark(Description = "code row + whole code exchange (TokenService + JSON)")]
    public async Task<int> ExchangeCode()
    {
        string code;
        using (var authorize = _scopes.CreateScope())
        {
            code = await WriteCodeAsync(authorize.ServiceProvider);
        }
        await using var request = _scopes.CreateAsyncScope();
        var context = NewContext(request.ServiceProvider);
        context.Response.Body = Stream.Null;
        var result = await request.ServiceProvider.GetRequiredService<TokenService>()
            .RedeemCodeAsync(_issuer, _client, code, RedirectUri, Verifier, CancellationToken.None);
        await result.ExecuteAsync(context);
        return context.Response.StatusCode;
    }

    private async Task<string> WriteCodeAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<IdentityDbContext>();
        var code = ProviderCrypto.NewHandle();
        db.Add(AuthorizationCode.Issue(ProviderCrypto.Hash(code), ClientId, RedirectUri, _subject.UserId, _subject.SessionId, _subject.TenantId,
            Scope, "n-bench", Challenge, _session.AuthenticatedAtUtc, _session.Methods, TimeProvider.System.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(60)));
        await db.SaveChangesAsync();
        return code;
    }

    // ── validation ────────────────────────────────────────────────────────────────────────────────

    [BenchmarkCategory("Validate"), Benchmark(Baseline = true, Description = "AccessTokenValidator (RS256)")]
    public async Task<bool> ValidateToken() => await _validator.ValidateAsync(_accessToken, _issuer, CancellationToken.None) is not null;

    [BenchmarkCategory("Validate"), Benchmark(Description = "API authentication, membership check cached")]
    public Task<string> BearerAuthenticateCached() => AuthenticateAsync();

    [BenchmarkCategory("Validate"), Benchmark(Description = "API authentication, membership check from the database")]
    public Task<string> BearerAuthenticateUncached()
    {
        _cache.Remove(_accessCheckKey);
        return AuthenticateAsync();
    }

    /// <summary>What UseAuthentication does for an API request with a bearer token: a new scope, the default scheme.</summary>
    private async Task<string> AuthenticateAsync()
    {
        await using var scope = _scopes.CreateAsyncScope();
        var context = NewContext(scope.ServiceProvider);
        context.Request.Path = "/api/identity/me";
        context.Request.Headers.Authorization = "Bearer " + _accessToken;
        var result = await context.AuthenticateAsync();
        return result.Succeeded && result.Principal.FindFirst("sub") is not null ? "ok" : "refused";
    }

    // ── the sign-in form's password check, for scale ─────────────────────────────────────────────

    [BenchmarkCategory("Password"), Benchmark(Description = "password check (Identity PasswordHasher, PBKDF2)")]
    public PasswordVerificationResult VerifyPassword() => _hasher.VerifyHashedPassword(null!, _passwordHash, IdentityDemoData.DemoPassword);

    private static DefaultHttpContext NewContext(IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(Host, Port);
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        return context;
    }
}
