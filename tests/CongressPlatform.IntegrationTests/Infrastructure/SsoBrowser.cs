using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace CongressPlatform.IntegrationTests.Infrastructure;

/// <summary>Tokens as the token endpoint returned them.</summary>
public sealed record TokenSet(string AccessToken, string IdToken, string? RefreshToken, int ExpiresIn);

/// <summary>
/// A browser with a cookie jar driving the provider as the web client does: authorize with PKCE,
/// the sign-in pages (anti-forgery token included), the code exchange. Redirects are not followed,
/// so that every step can be asserted.
/// </summary>
public sealed partial class SsoBrowser(PlatformFactory factory)
{
    public const string RedirectUri = "http://localhost/auth/callback";
    public const string ClientId = "congress-spa";

    public HttpClient Client { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The PKCE verifier of the last authorization request (tests may put an earlier one back).</summary>
    public string Verifier { get; set; } = string.Empty;

    /// <summary>The authorization request; returns the response (a redirect to the sign-in page, or to the client).</summary>
    public Task<HttpResponseMessage> AuthorizeAsync(string? tenant = null, string? prompt = null, string scope = "openid profile offline_access")
    {
        Verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = "st-" + Guid.NewGuid().ToString("N")[..8],
            ["nonce"] = "n-" + Guid.NewGuid().ToString("N")[..8],
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["tenant"] = tenant,
            ["prompt"] = prompt,
        };
        return Client.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", query.Where(q => q.Value is not null)));
    }

    /// <summary>GET a sign-in page and POST its form with the anti-forgery token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, IDictionary<string, string> fields)
    {
        var page = await Client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.Should().Be(HttpStatusCode.OK, html);
        var token = AntiForgery().Match(html);
        token.Success.Should().BeTrue("the page carries an anti-forgery token");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Client.PostAsync(pageUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>Password sign-in from the login page the authorization request sent us to.</summary>
    public Task<HttpResponseMessage> SignInAsync(string loginUrl, string login, string password) =>
        SubmitAsync(loginUrl, new Dictionary<string, string> { ["login"] = login, ["password"] = password });

    /// <summary>The whole flow for an account without second factor: authorize → sign in → code → tokens.</summary>
    public async Task<TokenSet> SignInForTokensAsync(string login, string password, string? tenant = null)
    {
        var authorize = await AuthorizeAsync(tenant);
        authorize.StatusCode.Should().Be(HttpStatusCode.Found);
        var signIn = await SignInAsync(authorize.Headers.Location!.OriginalString, login, password);
        signIn.StatusCode.Should().Be(HttpStatusCode.SeeOther, await signIn.Content.ReadAsStringAsync());
        return await FollowToTokensAsync(signIn.Headers.Location!.OriginalString);
    }

    /// <summary>Follows a local redirect back to the authorization endpoint, then exchanges the code.</summary>
    public async Task<TokenSet> FollowToTokensAsync(string authorizeUrl)
    {
        var back = await Client.GetAsync(authorizeUrl);
        back.StatusCode.Should().Be(HttpStatusCode.Found);
        return await ExchangeAsync(back.Headers.Location!);
    }

    public async Task<TokenSet> ExchangeAsync(Uri callback)
    {
        callback.GetLeftPart(UriPartial.Path).Should().Be(RedirectUri);
        var query = QueryHelpers.ParseQuery(callback.Query);
        query.Should().ContainKey("code", callback.ToString());
        var response = await Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = query["code"]!,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = ClientId,
            ["code_verifier"] = Verifier,
        }));
        return await ReadTokensAsync(response);
    }

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = ClientId,
        }));

    public static async Task<TokenSet> ReadTokensAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        return new TokenSet(
            json.GetProperty("access_token").GetString()!,
            json.GetProperty("id_token").GetString()!,
            json.TryGetProperty("refresh_token", out var r) ? r.GetString() : null,
            json.GetProperty("expires_in").GetInt32());
    }

    /// <summary>An API client carrying the access token (no development headers).</summary>
    public HttpClient Api(string accessToken)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>RFC 6238 (SHA-1, 30 s, 6 digits) for a base32 secret, as an authenticator app computes it.</summary>
    public static string Totp(string base32Secret, DateTimeOffset? at = null)
    {
        var key = Base32(base32Secret);
        var counter = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        Span<byte> message = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, counter);
#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA-1; this computes what the phone app computes.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            value = (value << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. output];
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
