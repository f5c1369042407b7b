using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;

namespace CongressPlatform.EndToEndTests.Infrastructure;

/// <summary>One host and one chromium for the whole run; each test opens its own browser context (its own cookies).</summary>
public sealed class EndToEnd : IAsyncLifetime
{
    public const string Password = "Congress#2026";
    public const string AdminTotpSecret = "JBSWY3DPEHPK3PXP";

    private IPlaywright? _playwright;
    private PlatformHost? _host;

    public IBrowser Browser { get; private set; } = null!;

    public PlatformHost Host => _host!;

    public string BaseUrl => Host.BaseUrl;

    public async Task InitializeAsync()
    {
        _host = await PlatformHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CONGRESS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN"],
        });
    }

    /// <summary>A fresh context: desktop (1366×768) or phone (390×844), Chinese, Beijing time; console errors and CSP violations collected.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 768 },
            IsMobile = phone,
            HasTouch = phone,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };
        return (context, page, errors);
    }

    /// <summary>
    /// Through the real sign-in pages: user name and password, and the authenticator code when asked. Returns when the
    /// browser is back on the client (no longer on /account or /connect).
    /// </summary>
    public static async Task SignInAsync(IPage page, string user, string password = Password)
    {
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await page.FillAsync("#login", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        try
        {
            // 60 s: once in a CI run the first sign-ins after the host's start took longer than 30 s (cause not found).
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal) && !new Uri(url).AbsolutePath.StartsWith("/connect/", StringComparison.Ordinal), new() { Timeout = 60_000 });
        }
        catch (TimeoutException timeout)
        {
            // Say what the sign-in page showed, for the next time it happens.
            var shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"Sign-in of {user} did not leave {page.Url} within 60 s; the page shows: {shown}", timeout);
        }
        if (new Uri(page.Url).AbsolutePath.StartsWith("/account/two-factor", StringComparison.Ordinal))
        {
            await WaitForUnusedTimeStepAsync(user);
            await page.FillAsync("#code", Totp(AdminTotpSecret));
            await page.ClickAsync("button[type=submit]");
        }
        await page.WaitForURLAsync(url =>
        {
            var path = new Uri(url).AbsolutePath;
            return !path.StartsWith("/account/", StringComparison.Ordinal) && !path.StartsWith("/connect/", StringComparison.Ordinal) && !path.StartsWith("/auth/", StringComparison.Ordinal);
        }, new() { Timeout = 30_000 });
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Paths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Paths.Screenshots, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// Waits until the page is at rest: no finite CSS animation or transition running and no antd motion class
    /// (<c>…-enter</c>, <c>…-leave</c>, <c>…-appear</c>) left on an element — a modal or a select list that is still
    /// closing is a state nobody reads, and axe judged half-removed dialogs and option lists in it. At most 5 s; the
    /// endless ones (spinners, the processing badge) do not count.
    /// </summary>
    public static Task SettleAsync(IPage page) => page.EvaluateAsync("""
        async () => {
          const busy = () =>
            document.getAnimations().some(a => a.playState === 'running' && a.effect && a.effect.getComputedTiming().endTime !== Infinity)
            || document.querySelector('[class*="-enter-active"], [class*="-leave-active"], [class*="-appear-active"], [class*="-leave-start"]') !== null;
          const deadline = performance.now() + 5000;
          while (busy() && performance.now() < deadline) await new Promise(r => setTimeout(r, 50));
          await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        }
        """);

    /// <summary>axe-core on the current page at rest (<see cref="SettleAsync"/>): the serious and critical violations, as readable lines.</summary>
    public static async Task<List<string>> AccessibilityViolationsAsync(IPage page)
    {
        await SettleAsync(page);
        var axe = await File.ReadAllTextAsync(AxeScript.Path);
        // Evaluated through the DevTools protocol, which the page's content security policy does not govern.
        await page.EvaluateAsync(axe);
        var result = await page.EvaluateAsync<JsonElement>("async () => { const r = await axe.run(document, { resultTypes: ['violations'] }); return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) })); }");
        return result.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("impact").GetString()}: {v.GetProperty("id").GetString()} — {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
    }

    private static readonly Dictionary<string, long> LastTimeStep = [];

    /// <summary>
    /// The provider accepts each code once per account (replay protection): a second sign-in of the same administrator
    /// within one 30-second step waits for the next code, as a person would.
    /// </summary>
    private static async Task WaitForUnusedTimeStepAsync(string user)
    {
        long step;
        while (true)
        {
            step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
            lock (LastTimeStep)
            {
                if (!LastTimeStep.TryGetValue(user, out var last) || last < step)
                {
                    LastTimeStep[user] = step;
                    return;
                }
            }
            await Task.Delay(TimeSpan.FromSeconds((step + 1) * 30 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 0.2));
        }
    }

    /// <summary>RFC 6238 (SHA-1, 30 s, 6 digits), as the authenticator app on the administrator's phone computes it.</summary>
    public static string Totp(string base32Secret)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in base32Secret.ToUpperInvariant())
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        var counter = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA-1.
        var hash = HMACSHA1.HashData(bytes.ToArray(), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEnd>
{
    public const string Name = "end-to-end";
}

/// <summary>axe-core from this project's own package.json (installed by <c>npm ci</c> on first use).</summary>
internal static class AxeScript
{
    private static readonly Lazy<string> Located = new(Install);

    public static string Path => Located.Value;

    private static string Install()
    {
        var project = System.IO.Path.Combine(Paths.RepositoryRoot, "tests", "CongressPlatform.EndToEndTests");
        var script = System.IO.Path.Combine(project, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(script))
        {
            using var npm = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("npm", "ci --no-audit --no-fund")
            {
                WorkingDirectory = project,
                UseShellExecute = false,
            })!;
            npm.WaitForExit();
            npm.ExitCode.Should().Be(0, "npm ci installs axe-core for the accessibility checks");
        }
        return script;
    }
}
