using System.Text;

namespace WebhookReceiver.Tests.Fuzz;

/// <summary>
/// What only a raw socket can send: a body short of its Content-Length, a body dribbled slower than Kestrel's minimum
/// data rate (Kestrel answers 408), a slow body that still arrives in time, connections closed mid-body, malformed
/// request lines and header bytes, repeated header lines, chunked bodies past the limit or with broken chunk sizes.
/// </summary>
internal static class FuzzRawCases
{
    public static async Task RunAsync(RawHttpClient client, IReadOnlyList<FuzzProvider> schemes, DateTimeOffset now, Func<int> next,
        Action<FuzzRequest, WebhookSignedRequest?> track, Action<FuzzResult> record, CancellationToken cancellationToken)
    {
        // Slow bodies take seconds by design: start them first, side by side, and run the quick cases meanwhile.
        var slow = new List<Task>();
        foreach (var scheme in schemes.Where(s => s.Provider.Id is "standard-webhooks" or "stripe" or "twilio" or "sendgrid"))
        {
            slow.Add(SlowBodyAsync(client, scheme, Genuine(scheme, now, next, track), tooSlow: true, record, cancellationToken));
            slow.Add(SlowBodyAsync(client, scheme, Genuine(scheme, now, next, track), tooSlow: false, record, cancellationToken));
        }

        foreach (var scheme in schemes)
        {
            var genuine = Genuine(scheme, now, next, track);
            var head = client.Head(genuine.Method, genuine.PathAndQuery, genuine.Headers, genuine.Body.Length + 100);
            record(Result(scheme, "raw-short-body", FuzzExpectation.NotAccepted,
                await client.SendAsync([head, genuine.Body], TimeSpan.Zero, closeAfterSending: false, cancellationToken, halfClose: true)));
            record(Result(scheme, "raw-early-close", FuzzExpectation.NotAccepted,
                await client.SendAsync([client.Head(genuine.Method, genuine.PathAndQuery, genuine.Headers, genuine.Body.Length), genuine.Body[..(genuine.Body.Length / 2)]],
                    TimeSpan.Zero, closeAfterSending: true, cancellationToken)));
            record(Result(scheme, "raw-close-after-head", FuzzExpectation.NotAccepted,
                await client.SendAsync([client.Head(genuine.Method, genuine.PathAndQuery, genuine.Headers, genuine.Body.Length)], TimeSpan.Zero,
                    closeAfterSending: true, cancellationToken)));

            // The genuine delivery itself, then copies only a raw socket can write.
            record(Result(scheme, "raw-genuine", FuzzExpectation.Processed, await client.SendAsync(genuine, cancellationToken)));
            var lines = new List<KeyValuePair<string, string>>();
            foreach (var (name, value) in genuine.Headers)
            {
                lines.Add(new(name, "x" + value));
                lines.Add(new(name, value));
            }
            record(Result(scheme, "raw-repeated-lines", FuzzExpectation.NotAccepted, await client.SendAsync(genuine with { Headers = lines }, cancellationToken)));
            var latin1 = genuine.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Key.StartsWith("Content", StringComparison.Ordinal) ? h.Value : h.Value + "\u00e9\u00ff")).ToList();
            record(Result(scheme, "raw-non-ascii-header", FuzzExpectation.NotAccepted, await client.SendAsync(genuine with { Headers = latin1 }, cancellationToken)));
            record(Result(scheme, "raw-control-byte-header", FuzzExpectation.NotAccepted,
                await client.SendAsync(genuine with { Headers = [.. genuine.Headers, new("X-Fuzz", "a\u0000b\u007f")] }, cancellationToken)));
            // A token-only scheme (GitLab) authenticates the sender, not the body: a changed body with the token is authentic.
            var expectContinue = genuine with
            {
                Headers = [.. genuine.Headers, new("Expect", "100-continue")],
                Body = [.. genuine.Body, (byte)' '],
                Expectation = scheme.SignsBody ? FuzzExpectation.NotAccepted : FuzzExpectation.Authentic,
            };
            track(expectContinue, null);
            record(Result(scheme, "raw-expect-continue-tampered", expectContinue.Expectation, await client.SendAsync(expectContinue, cancellationToken)));

            var chunkedHead = client.Head(genuine.Method, genuine.PathAndQuery, [.. genuine.Headers, new("Transfer-Encoding", "chunked")], null);
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            var chunks = new List<byte[]> { chunkedHead };
            for (var i = 0; i < 24; i++)
                chunks.Add([.. "10000\r\n"u8, .. chunk, .. "\r\n"u8]);
            chunks.Add("0\r\n\r\n"u8.ToArray());
            record(Result(scheme, "raw-chunked-over-limit", FuzzExpectation.NotAccepted,
                await client.SendAsync(chunks, TimeSpan.Zero, closeAfterSending: false, cancellationToken)));
            record(Result(scheme, "raw-chunked-bad-size", FuzzExpectation.NotAccepted,
                await client.SendAsync([chunkedHead, "zz\r\nabc\r\n0\r\n\r\n"u8.ToArray()], TimeSpan.Zero, closeAfterSending: false, cancellationToken)));
            record(Result(scheme, "raw-chunked-genuine", FuzzExpectation.NotAccepted,
                await client.SendAsync([chunkedHead, Encoding.ASCII.GetBytes($"{genuine.Body.Length:x}\r\n"), genuine.Body, "\r\n0\r\n\r\n"u8.ToArray()], TimeSpan.Zero,
                    closeAfterSending: false, cancellationToken)));
        }

        var any = schemes[0];
        foreach (var (label, bytes) in new[]
                 {
                     ("raw-garbage-request-line", "GARBAGE\r\n\r\n"u8.ToArray()),
                     ("raw-bare-lf", Encoding.ASCII.GetBytes($"POST {any.Path} HTTP/1.1\nHost: x\nContent-Length: 2\n\n{{}}")),
                     ("raw-bad-content-length", Encoding.ASCII.GetBytes($"POST {any.Path} HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n{{}}")),
                     ("raw-two-content-lengths", Encoding.ASCII.GetBytes($"POST {any.Path} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{{}} ")),
                     ("raw-length-and-chunked", Encoding.ASCII.GetBytes($"POST {any.Path} HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{{}}\r\n0\r\n\r\n")),
                     ("raw-http10-no-host", Encoding.ASCII.GetBytes($"POST {any.Path} HTTP/1.0\r\nContent-Length: 2\r\n\r\n{{}}")),
                     ("raw-nul-in-path", Encoding.ASCII.GetBytes($"POST {any.Path}%00/../x HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{{}}")),
                     ("raw-long-request-line", Encoding.ASCII.GetBytes($"POST {any.Path}?{new string('q', 10_000)} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{{}}")),
                 })
        {
            record(Result(any, label, FuzzExpectation.NotAccepted, await client.SendAsync([bytes], TimeSpan.Zero, closeAfterSending: false, cancellationToken)));
        }

        await Task.WhenAll(slow);
    }

    /// <summary>
    /// Dribbles a genuine delivery: too slow (one byte every 250 ms, under Kestrel's 240 bytes/s once its 5-second grace is
    /// over: Kestrel answers 408 and the delivery is not processed), or slow but in time (four parts, 600 ms apart: processed).
    /// </summary>
    private static async Task SlowBodyAsync(RawHttpClient client, FuzzProvider scheme, FuzzRequest genuine, bool tooSlow, Action<FuzzResult> record,
        CancellationToken cancellationToken)
    {
        var parts = new List<byte[]> { client.Head(genuine.Method, genuine.PathAndQuery, genuine.Headers, genuine.Body.Length) };
        if (tooSlow)
        {
            parts.AddRange(genuine.Body.Select(b => new[] { b }));
            var answer = await client.SendAsync(parts, TimeSpan.FromMilliseconds(250), closeAfterSending: false, cancellationToken);
            record(Result(scheme, "raw-slow-body-too-slow", FuzzExpectation.NotAccepted, answer, bounded: false));
        }
        else
        {
            var quarter = (genuine.Body.Length + 3) / 4;
            parts.AddRange(genuine.Body.Chunk(quarter));
            var answer = await client.SendAsync(parts, TimeSpan.FromMilliseconds(600), closeAfterSending: false, cancellationToken);
            record(Result(scheme, "raw-slow-body-in-time", FuzzExpectation.Processed, answer, bounded: false));
        }
    }

    private static FuzzRequest Genuine(FuzzProvider scheme, DateTimeOffset now, Func<int> next, Action<FuzzRequest, WebhookSignedRequest?> track)
    {
        var n = next();
        var signed = scheme.Sign(scheme.Body(n), n, now);
        var request = new FuzzRequest(scheme, "raw", signed.Method, signed.Url is { } url ? new Uri(url).PathAndQuery : scheme.Path,
            [new("Content-Type", scheme.ContentType), .. signed.Headers], signed.Body.ToArray(), FuzzExpectation.Processed);
        track(request, signed);
        return request;
    }

    private static FuzzResult Result(FuzzProvider scheme, string name, FuzzExpectation expectation, RawAnswer answer, bool bounded = true)
        => new(scheme.Name, name, expectation, answer.Status, answer.Handled, Short(answer.Body), answer.Elapsed, bounded);

    public static string Short(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
