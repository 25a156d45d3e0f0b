using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WebhookReceiver.Tests.Fuzz;

/// <summary>
/// HTTP/1.1 over a plain <see cref="TcpClient"/>, one connection per request: headers go on the wire exactly as given
/// (repeated lines, any bytes), bodies can be short of their Content-Length, dribbled slowly or cut off. Reads the
/// answer's status line, headers and body (Content-Length, chunked, or until close).
/// </summary>
internal sealed class RawHttpClient(IPEndPoint server)
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);

    public IPEndPoint Server => server;

    /// <summary>The request head (request line and headers, Host and Connection: close added, Content-Length when <paramref name="contentLength"/> is set).</summary>
    public byte[] Head(string method, string pathAndQuery, IEnumerable<KeyValuePair<string, string>> headers, long? contentLength)
    {
        var head = new StringBuilder()
            .Append(method).Append(' ').Append(pathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.ToString()).Append("\r\n");
        foreach (var (name, value) in headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        if (contentLength is { } length)
            head.Append("Content-Length: ").Append(length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        head.Append("Connection: close\r\n\r\n");
        return Encoding.Latin1.GetBytes(head.ToString());
    }

    /// <summary>Sends a whole request and reads the answer.</summary>
    public Task<RawAnswer> SendAsync(FuzzRequest request, CancellationToken cancellationToken)
        => SendAsync([Head(request.Method, request.PathAndQuery, request.Headers, request.Method == "GET" && request.Body.Length == 0 ? null : request.Body.Length), request.Body],
            TimeSpan.Zero, closeAfterSending: false, cancellationToken);

    /// <summary>
    /// Sends <paramref name="parts"/> one after another (waiting <paramref name="pause"/> between them), then, with
    /// <paramref name="closeAfterSending"/>, closes the connection at once (an early close, no answer expected); otherwise
    /// half-closes nothing and reads the answer. A connection closed by the server while sending is not an error: the
    /// answer already sent, if any, is still read.
    /// </summary>
    public async Task<RawAnswer> SendAsync(IReadOnlyList<byte[]> parts, TimeSpan pause, bool closeAfterSending, CancellationToken cancellationToken,
        bool halfClose = false)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(GiveUp);
        using var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        var started = Stopwatch.GetTimestamp();
        await client.ConnectAsync(server, timeout.Token);
        var stream = client.GetStream();
        var reading = closeAfterSending ? null : ReadAnswerAsync(stream, timeout.Token);
        try
        {
            for (var i = 0; i < parts.Count; i++)
            {
                if (i > 0 && pause > TimeSpan.Zero)
                    await Task.Delay(pause, timeout.Token);
                await stream.WriteAsync(parts[i], timeout.Token);
            }
            if (halfClose)
                client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (IOException)
        {
            // The server answered and closed before the body was all sent (413, 431, ...): read what it answered.
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Gave up sending: the server neither read nor refused the body in time; the answer reads as status 0.
        }
        if (reading is null)
        {
            client.Client.LingerState = new LingerOption(true, 0);
            client.Close();
            return new RawAnswer(0, "", Stopwatch.GetElapsedTime(started));
        }
        var (status, head, body) = await reading;
        return new RawAnswer(status, head, Stopwatch.GetElapsedTime(started), body);
    }

    private static async Task<(int Status, string Head, string Body)> ReadAnswerAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                    break;
                received.Write(buffer, 0, read);
                if (TryParse(received.GetBuffer().AsSpan(0, (int)received.Length), out var answer))
                    return answer;
            }
        }
        catch (IOException)
        {
            // Reset by the server: whatever arrived before is the answer.
        }
        catch (OperationCanceledException)
        {
            // Gave up waiting (30 s): whatever arrived is the answer, usually none.
        }
        return TryParse(received.GetBuffer().AsSpan(0, (int)received.Length), out var last, complete: true) ? last : (0, "", "");
    }

    /// <summary>Parses a complete answer; with <paramref name="complete"/> the connection has ended and a body without a length ends there.</summary>
    private static bool TryParse(ReadOnlySpan<byte> data, out (int Status, string Head, string Body) answer, bool complete = false)
    {
        answer = default;
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0)
            return false;
        var head = Encoding.Latin1.GetString(data[..end]);
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ', 3);
        if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            return false;
        if (status is >= 100 and < 200)
            return TryParse(data[(end + 4)..], out answer, complete); // an interim answer (100 Continue): the real one follows
        var rest = data[(end + 4)..];
        long? length = null;
        var chunked = false;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                continue;
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                length = long.Parse(value, CultureInfo.InvariantCulture);
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                chunked = true;
        }
        if (length is { } expected)
        {
            if (rest.Length < expected)
                return false;
            answer = (status, head, Encoding.UTF8.GetString(rest[..(int)expected]));
            return true;
        }
        if (chunked)
        {
            if (!TryDechunk(rest, out var body))
                return false;
            answer = (status, head, body);
            return true;
        }
        if (!complete)
            return false;
        answer = (status, head, Encoding.UTF8.GetString(rest));
        return true;
    }

    private static bool TryDechunk(ReadOnlySpan<byte> data, out string body)
    {
        var output = new MemoryStream();
        body = "";
        while (true)
        {
            var lineEnd = data.IndexOf("\r\n"u8);
            if (lineEnd < 0)
                return false;
            var sizeText = Encoding.ASCII.GetString(data[..lineEnd]).Split(';')[0].Trim();
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            data = data[(lineEnd + 2)..];
            if (size == 0)
            {
                body = Encoding.UTF8.GetString(output.ToArray());
                return data.IndexOf("\r\n"u8) >= 0;
            }
            if (data.Length < size + 2)
                return false;
            output.Write(data[..size]);
            data = data[(size + 2)..];
        }
    }
}
