using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CongressPlatform.IntegrationTests.Infrastructure;

/// <summary>One message the sink accepted: the envelope and the raw DATA.</summary>
public sealed partial record SmtpMessage(string From, IReadOnlyList<string> To, string Raw)
{
    /// <summary>A header's raw value (folded lines joined), or null.</summary>
    public string? Header(string name)
    {
        var head = Raw.Split("\r\n\r\n", 2)[0].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        return head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim()).FirstOrDefault();
    }

    /// <summary>The subject with its RFC 2047 encoded words decoded.</summary>
    public string Subject => DecodeWords(Header("Subject") ?? "");

    /// <summary>The text body, decoded from base64 or quoted-printable as the message says.</summary>
    public string Body
    {
        get
        {
            var body = Raw.Split("\r\n\r\n", 2)[1];
            var encoding = Header("Content-Transfer-Encoding") ?? "";
            return encoding.Equals("base64", StringComparison.OrdinalIgnoreCase)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)))
                : body;
        }
    }

    public static string DecodeWords(string value) => EncodedWord().Replace(value, m =>
    {
        var charset = Encoding.GetEncoding(m.Groups[1].Value);
        var text = m.Groups[3].Value;
        return m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? charset.GetString(Convert.FromBase64String(text))
            : charset.GetString(QuotedPrintable(text.Replace('_', ' ')));
    }).Replace("?= =?", "", StringComparison.Ordinal);

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }
        return bytes.ToArray();
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWord();
}

/// <summary>
/// A real SMTP server on a free loopback port that keeps what it receives: enough of RFC 5321 for System.Net.Mail
/// (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT). <see cref="RefuseNext"/> makes it answer the next MAIL FROMs with 451.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _refuse;

    public SmtpSink()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = AcceptAsync();
    }

    public int Port { get; }

    public ConcurrentQueue<SmtpMessage> Messages { get; } = new();

    /// <summary>How many of the next transactions to refuse with 451 (temporary failure).</summary>
    public int RefuseNext
    {
        get => Volatile.Read(ref _refuse);
        set => Volatile.Write(ref _refuse, value);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink.test ESMTP");
        string from = "";
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 sink.test");
                    break;
                case "MAIL":
                    if (Interlocked.Decrement(ref _refuse) >= 0)
                    {
                        await writer.WriteLineAsync("451 4.3.0 Temporary failure, try again later");
                        break;
                    }
                    Interlocked.Exchange(ref _refuse, 0);
                    from = line[10..].Trim();
                    to.Clear();
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT":
                    to.Add(line[8..].Trim());
                    await writer.WriteLineAsync("250 2.1.5 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } d && d != ".")
                    {
                        data.Append(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d).Append("\r\n");
                    }
                    // The raw bytes were UTF-8 where headers are 8-bit; Latin-1 kept them, this restores them.
                    var raw = Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(data.ToString()));
                    Messages.Enqueue(new SmtpMessage(from, to.ToList(), raw));
                    await writer.WriteLineAsync("250 2.0.0 Queued");
                    break;
                case "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 2.0.0 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
