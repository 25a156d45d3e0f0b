using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WebhookReceiver.Replay;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Fuzz;

/// <summary>
/// The fuzz run, once for the whole test class: a Kestrel server with every scheme, the requests of
/// <see cref="FuzzMutations"/> per scheme in a fixed order from a fixed seed, the raw-socket cases, a genuine delivery
/// per scheme afterwards (is the server still healthy?), then the server stopped (captures flushed) and the log lines and
/// capture files collected. The tests assert over what was recorded here.
/// </summary>
public sealed partial class FuzzRun : IAsyncLifetime
{
    public const int Seed = 0x7f3a;

    /// <summary>Sent in an <c>Authorization</c> header: a credential that must never reach a log or a capture file.</summary>
    public const string AuthorizationCredential = "fuzz-credential-5b7e0c1d9a";

    private readonly Lock _lock = new();
    private readonly List<FuzzResult> _results = [];
    private readonly HashSet<(string Scheme, string BodyHash)> _authentic = [];
    private readonly List<string> _sentSignatures = [];
    private string _captureDirectory = "";

    internal IReadOnlyList<FuzzProvider> Schemes { get; private set; } = [];

    internal IReadOnlyList<FuzzResult> Results => _results;

    /// <summary>A genuine delivery per scheme after the run.</summary>
    internal List<FuzzResult> Health { get; } = [];

    internal FuzzHandler Handler { get; } = new();

    internal TestLogSink Logs { get; } = new();

    internal List<(string File, WebhookCapture Capture)> Captures { get; } = [];

    internal IReadOnlySet<(string Scheme, string BodyHash)> AuthenticBodies => _authentic;

    /// <summary>The signature tokens (runs of 16+ base64/hex characters) of every signature value sent.</summary>
    internal HashSet<string> SentSignatureTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Entries in the in-memory nonce store after the run.</summary>
    internal int StoreEntries { get; private set; }

    internal TimeSpan Duration { get; private set; }

    public string Summary { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var random = new Random(Seed);
        Schemes = FuzzProvider.CreateAll(random);
        var time = new FakeTimeProvider(WebhookTestHost.Start);
        var now = time.GetUtcNow();
        _captureDirectory = Directory.CreateTempSubdirectory("webhook-fuzz-").FullName;
        var cancellation = CancellationToken.None;

        var server = await FuzzServer.StartAsync(Schemes, Handler, Logs, time, _captureDirectory);
        try
        {
            var client = new RawHttpClient(server.Endpoint);
            for (var i = 0; i < Schemes.Count; i++)
            {
                var mutations = new FuzzMutations(Schemes[i], random, now, 1 + i * 10_000);
                foreach (var request in mutations.Build())
                {
                    Track(request, null);
                    Record(Result(request, await client.SendAsync(request, cancellation)));
                }
                lock (_lock)
                    _sentSignatures.AddRange(mutations.SentSignatures);
            }

            var number = 900_000;
            await FuzzRawCases.RunAsync(client, Schemes, now, () => Interlocked.Increment(ref number), Track, Record, cancellation);

            foreach (var scheme in Schemes)
            {
                var n = Interlocked.Increment(ref number);
                var signed = scheme.Sign(scheme.Body(n), n, now);
                var request = new FuzzRequest(scheme, "after-the-run", signed.Method, signed.Url is { } url ? new Uri(url).PathAndQuery : scheme.Path,
                    [new("Content-Type", scheme.ContentType), .. signed.Headers], signed.Body.ToArray(), FuzzExpectation.Processed);
                Track(request, signed);
                Health.Add(Result(request, await client.SendAsync(request, cancellation)));
            }
            StoreEntries = server.Services.GetRequiredService<IWebhookNonceStore>() is InMemoryNonceStore store ? store.Count : -1;
        }
        finally
        {
            await server.StopAsync();
        }

        foreach (var file in Directory.GetFiles(_captureDirectory, "*.json"))
            Captures.Add((Path.GetFileName(file), WebhookCapture.Load(file)));
        foreach (var value in _sentSignatures)
        {
            foreach (Match token in SignatureToken().Matches(value))
                SentSignatureTokens.Add(token.Value);
        }
        Duration = Stopwatch.GetElapsedTime(started);
        Summary = BuildSummary();
        // Every answer, one per line, beside the test assembly: what to look at when a property fails.
        await File.WriteAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "fuzz-results.txt"),
            [Summary, .. _results.Concat(Health).Select(r => r.ToString())], cancellation);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_captureDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Every secret of the run: configured keys (and their key part after a <c>whsec_</c>-style prefix), the Meta verify token, the credential.</summary>
    internal IEnumerable<(string Scheme, string Secret)> Secrets()
    {
        foreach (var scheme in Schemes)
        {
            foreach (var secret in new[] { scheme.SigningSecret, scheme.VerifyingSecret }.Distinct())
            {
                yield return (scheme.Name, secret);
                if (secret.IndexOf('_', StringComparison.Ordinal) is > 0 and < 6 and var cut)
                    yield return (scheme.Name, secret[(cut + 1)..]);
            }
            if (scheme.Settings.TryGetValue("VerifyToken", out var token) && token is not null)
                yield return (scheme.Name, token);
        }
        yield return ("any", AuthorizationCredential);
    }

    /// <summary>Every log line with its exception, as text.</summary>
    internal IEnumerable<(LogLevel Level, EventId Id, string Text)> LogLines()
        => Logs.Entries.Select(e => (e.Level, e.Id, e.Exception is null ? e.Message : e.Message + "\n" + e.Exception));

    [GeneratedRegex("[A-Za-z0-9+/]{16,}")]
    internal static partial Regex SignatureToken();

    private void Track(FuzzRequest request, WebhookSignedRequest? signed)
    {
        lock (_lock)
        {
            if (request.Expectation is FuzzExpectation.Processed or FuzzExpectation.Provoked500 or FuzzExpectation.Authentic)
                _authentic.Add((request.Scheme.Name, FuzzHandler.Hash(request.Body)));
            if (signed is not null)
                _sentSignatures.AddRange(signed.Headers.Where(h => request.Scheme.SignatureHeaders.Contains(h.Key)).Select(h => h.Value));
        }
    }

    private void Record(FuzzResult result)
    {
        lock (_lock)
            _results.Add(result);
    }

    private static FuzzResult Result(FuzzRequest request, RawAnswer answer)
        => new(request.Scheme.Name, request.Case, request.Expectation, answer.Status, answer.Handled, FuzzRawCases.Short(answer.Body), answer.Elapsed);

    private string BuildSummary()
    {
        var all = _results.Concat(Health).ToList();
        var slowest = all.Where(r => r.Bounded).MaxBy(r => r.Elapsed)!;
        var provoked = all.Count(r => r.Is5xx && r.Expectation == FuzzExpectation.Provoked500);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Fuzz totals (seed 0x{Seed:x}): {all.Count} requests over {Schemes.Count} schemes in {Duration.TotalSeconds:F1} s. ")
            .Append("Requests per scheme: ")
            .AppendJoin(", ", all.GroupBy(r => r.Scheme).Select(g => $"{g.Key} {g.Count()}"))
            .Append(". Status counts: ")
            .AppendJoin(", ", all.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "closed" : g.Key.ToString(CultureInfo.InvariantCulture))}×{g.Count()}"))
            .Append(CultureInfo.InvariantCulture, $". 5xx: {all.Count(r => r.Is5xx)} ({provoked} provoked by the handler, {all.Count(r => r.Is5xx) - provoked} not). ")
            .Append(CultureInfo.InvariantCulture, $"Slowest request: {slowest.Elapsed.TotalMilliseconds:F0} ms ({slowest.Scheme}/{slowest.Case}); ")
            .Append(CultureInfo.InvariantCulture, $"slow-body cases (not bounded) up to {all.Where(r => !r.Bounded).Select(r => r.Elapsed.TotalSeconds).DefaultIfEmpty().Max():F1} s. ")
            .Append(CultureInfo.InvariantCulture, $"Handler ran {Handler.Seen.Count} times; {Logs.Entries.Count} log lines; {Captures.Count} capture files; {StoreEntries} nonce-store entries.");
        return text.ToString();
    }
}
