using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CongressPlatform.IntegrationTests.Infrastructure;

public sealed record ReceivedPost(string PathAndQuery, string Body);

/// <summary>
/// A local HTTP receiver standing in for the WeCom and DingTalk robot endpoints: records every post and answers
/// <c>{"errcode":0}</c>, or 500 for the next <see cref="FailNext"/> posts.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _fail;

    public WebhookReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = ServeAsync();
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<ReceivedPost> Posts { get; } = new();

    public int FailNext
    {
        get => Volatile.Read(ref _fail);
        set => Volatile.Write(ref _fail, value);
    }

    public IReadOnlyList<ReceivedPost> To(string path) => Posts.Where(p => p.PathAndQuery.StartsWith(path, StringComparison.Ordinal)).ToList();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            Posts.Enqueue(new ReceivedPost(context.Request.Url!.PathAndQuery, await reader.ReadToEndAsync()));
            var failing = Interlocked.Decrement(ref _fail) >= 0;
            if (!failing)
            {
                Interlocked.Exchange(ref _fail, 0);
            }
            context.Response.StatusCode = failing ? 500 : 200;
            var answer = Encoding.UTF8.GetBytes(failing ? "internal error" : """{"errcode":0,"errmsg":"ok"}""");
            context.Response.ContentType = failing ? "text/plain" : "application/json";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
        _listener.Close();
    }
}
