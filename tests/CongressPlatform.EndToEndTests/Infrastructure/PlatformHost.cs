using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace CongressPlatform.EndToEndTests.Infrastructure;

/// <summary>
/// The real host as users meet it: a process listening on a free port, the built client in its wwwroot, a fresh
/// SQLite database with the demo district and accounts (Development). Its output goes to TestResults.
/// </summary>
public sealed class PlatformHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log = new();

    private PlatformHost(Process process, string baseUrl, string folder)
    {
        _process = process;
        BaseUrl = baseUrl;
        _folder = folder;
    }

    public string BaseUrl { get; }

    /// <summary>The host's SQLite database (tests that need rows no API of this branch creates write them here).</summary>
    public string DatabasePath => Path.Combine(_folder, "e2e.db");

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<PlatformHost> StartAsync()
    {
        var root = Paths.RepositoryRoot;
        var contentRoot = Path.Combine(root, "src", "CongressPlatform.Host");
        var dll = Paths.HostDll;
        File.Exists(Path.Combine(contentRoot, "wwwroot", "index.html")).Should().BeTrue(
            "the client must be built into src/CongressPlatform.Host/wwwroot (the host's build does it; see client/README.md)");
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var folder = Path.Combine(Path.GetTempPath(), "congress-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--contentRoot", contentRoot },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = baseUrl,
                ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(folder, "e2e.db")}",
                ["DemoData__Enabled"] = "true",
                ["Exports__Root"] = Path.Combine(folder, "exports"),
                ["Scheduler__Enabled"] = "true",
                ["Identity__Issuer"] = baseUrl,
                ["Identity__Spa__RedirectUris__0"] = $"{baseUrl}/auth/callback",
                ["Identity__Spa__PostLogoutRedirectUris__0"] = $"{baseUrl}/",
                ["Identity__Spa__Origins__0"] = baseUrl,
                ["RateLimits__SignInPerMinute"] = "10000",
                ["RateLimits__TokenPerMinute"] = "10000",
                ["DataProtection__KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
            },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var host = new PlatformHost(process, baseUrl, folder);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {process.ExitCode}:\n{host.Log}");
            }
            try
            {
                if ((await http.GetAsync($"{baseUrl}/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        await host.DisposeAsync();
        throw new TimeoutException($"The host was not ready within 90 s:\n{host.Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.CreateDirectory(Paths.Results);
        await File.WriteAllTextAsync(Path.Combine(Paths.Results, "e2e-host.log"), Log);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; it is a temp folder.
        }
    }
}
