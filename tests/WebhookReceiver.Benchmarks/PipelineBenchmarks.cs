using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookReceiver.Benchmarks;

/// <summary>
/// The endpoint's own work, in process (no sockets): the full webhook pipeline with the in-memory store and without
/// replay, next to what any endpoint does anyway (deserialize the same payload), and the pieces in between.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Deliveries = 1 << 16;
    private const int LargeBody = 1 << 20;   // 1 MiB: with no large-object-heap allocation of ours, the Gen2 column stays empty
    private const int LargeDeliveries = 16;
    private readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);
    private WebApplication _app = null!;
    private RequestDelegate _webhookNoReplay = null!;
    private RequestDelegate _webhookLarge = null!;
    private (byte[] Body, HeaderDictionary Headers)[] _largeRequests = null!;
    private (byte[] Body, HeaderDictionary Headers)[] _forgedLargeRequests = null!;
    private (byte[] Body, HeaderDictionary Headers)[] _requests = null!;
    private StandardWebhooksScheme _scheme = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddWebhooks()
            .AddStandardWebhooks("noreplay", o => { o.Secret = BenchmarkPayload.Secret; o.Tolerance = TimeSpan.FromHours(1); o.Replay.Enabled = false; })
            .AddStandardWebhooks("large", o =>
            {
                o.Secret = BenchmarkPayload.Secret;
                o.Tolerance = TimeSpan.FromHours(1);
                o.Replay.Enabled = false;
                o.MaxBodySize = 2 * LargeBody;
            });
        builder.Services.Configure<InMemoryNonceStoreOptions>(o => { o.MaxEntries = int.MaxValue; o.MaxBytes = long.MaxValue; });   // millions of benchmark keys
        _app = builder.Build();
        _app.MapWebhook<OrderCreated>("/noreplay", "noreplay", (_, _) => Task.CompletedTask);
        _app.MapWebhook<OrderCreated>("/large", "large", (_, _) => Task.CompletedTask);
        var endpoints = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        _webhookNoReplay = endpoints.Single(e => e.RoutePattern.RawText == "/noreplay").RequestDelegate!;
        _webhookLarge = endpoints.Single(e => e.RoutePattern.RawText == "/large").RequestDelegate!;

        _scheme = new StandardWebhooksScheme("bench", new StandardWebhooksOptions { Secret = BenchmarkPayload.Secret });
        var now = DateTimeOffset.UtcNow;
        _requests = new (byte[], HeaderDictionary)[Deliveries];
        for (var i = 0; i < Deliveries; i++)
            _requests[i] = Signed(BenchmarkPayload.Create(i), $"msg_{i}_{Guid.NewGuid():N}", now);
        _largeRequests = new (byte[], HeaderDictionary)[LargeDeliveries];
        for (var i = 0; i < LargeDeliveries; i++)
            _largeRequests[i] = Signed(BenchmarkPayload.CreateLarge(i, LargeBody), $"msg_large_{i}", now);
        // The same bodies under a signature made with another secret: refused after the one HMAC pass.
        var forger = new StandardWebhooksScheme("forger", new StandardWebhooksOptions { Secret = "whsec_" + Convert.ToBase64String(new byte[24]) });
        _forgedLargeRequests = _largeRequests.Select((r, i) => Signed(r.Body, $"msg_large_{i}", now, forger)).ToArray();

        // A benchmark of a refusal would be meaningless: each endpoint must answer as it is meant to before it is timed.
        ExpectStatus(_webhookNoReplay, NextContext(), StatusCodes.Status200OK);
        ExpectStatus(_webhookLarge, NextLargeContext(), StatusCodes.Status200OK);
        ExpectStatus(_webhookLarge, Context(_forgedLargeRequests[0]), StatusCodes.Status401Unauthorized);
    }

    private (byte[] Body, HeaderDictionary Headers) Signed(byte[] body, string id, DateTimeOffset now, StandardWebhooksScheme? scheme = null)
    {
        var signed = (scheme ?? _scheme).Sign(new WebhookSigningRequest { Body = body, Id = id, Timestamp = now });
        var headers = new HeaderDictionary();
        foreach (var (name, value) in signed.Headers)
            headers[name] = value;
        return (body, headers);
    }

    private static void ExpectStatus(RequestDelegate endpoint, HttpContext context, int status)
    {
        endpoint(context).GetAwaiter().GetResult();
        if (context.Response.StatusCode != status)
            throw new InvalidOperationException($"benchmark endpoint answered {context.Response.StatusCode}, expected {status}");
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private DefaultHttpContext NextContext() => Context(_requests[_next++ & (Deliveries - 1)]);

    // 16 bodies of 1 MiB, reused: replay is off on that endpoint.
    private DefaultHttpContext NextLargeContext() => Context(_largeRequests[_next++ & (LargeDeliveries - 1)]);

    private DefaultHttpContext Context((byte[] Body, HeaderDictionary Headers) request)
    {
        var (body, headers) = request;
        var context = new DefaultHttpContext { RequestServices = _app.Services };
        context.Request.Method = "POST";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body, writable: false);
        foreach (var (name, value) in headers)
            context.Request.Headers[name] = value;
        context.Response.Body = Stream.Null;
        return context;
    }

    [Benchmark(Baseline = true, Description = "what any endpoint does: read + deserialize the payload")]
    public async Task<OrderCreated?> Baseline()
    {
        var context = NextContext();
        return await JsonSerializer.DeserializeAsync<OrderCreated>(context.Request.Body, _json);
    }

    [Benchmark(Description = "verify only (StandardWebhooksScheme.Verify)")]
    public bool VerifyOnly()
    {
        var context = NextContext();
        var (body, headers) = _requests[(_next - 1) & (Deliveries - 1)];
        return _scheme.Verify(new WebhookRequest("POST", null, headers, body), DateTimeOffset.UtcNow).Succeeded && context is not null;
    }

    [Benchmark(Description = "webhook pipeline, replay off")]
    public Task PipelineWithoutReplay() => _webhookNoReplay(NextContext());

    [Benchmark(Description = "what any endpoint does, 1 MiB body")]
    public async Task<OrderCreated?> BaselineLargeBody()
    {
        var context = NextLargeContext();
        return await JsonSerializer.DeserializeAsync<OrderCreated>(context.Request.Body, _json);
    }

    [Benchmark(Description = "one HMAC-SHA256 pass over a 1 MiB body")]
    public byte[] HmacLargeBody() => System.Security.Cryptography.HMACSHA256.HashData(_hmacKey, _largeRequests[_next++ & (LargeDeliveries - 1)].Body);

    private readonly byte[] _hmacKey = new byte[32];

    [Benchmark(Description = "webhook pipeline, replay off, 1 MiB body")]
    public Task PipelineLargeBody() => _webhookLarge(NextLargeContext());

    [Benchmark(Description = "webhook pipeline refusing a forged 1 MiB body")]
    public Task PipelineForgedLargeBody() => _webhookLarge(Context(_forgedLargeRequests[_next++ & (LargeDeliveries - 1)]));

    // A steady state rather than a store growing with every invocation (which slowed each call and the run): 2^20 keys
    // in turn, each completed with a retention that is over by the time its turn comes again, so its next claim takes
    // the expired entry over.
    private const int NonceKeys = 1 << 20;
    private string[] _nonceKeys = [];

    // Its own set-up, so the other benchmarks do not carry a million key strings in their heap.
    [GlobalSetup(Target = nameof(ClaimAndComplete))]
    public void SetupNonceKeys()
    {
        Setup();
        _nonceKeys = Enumerable.Range(0, NonceKeys).Select(i => "bench:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    [Benchmark(Description = "in-memory nonce store: claim + complete, 2^20 keys in turn")]
    public async Task ClaimAndComplete()
    {
        var store = _app.Services.GetRequiredService<IWebhookNonceStore>();
        var key = _nonceKeys[_keys++ & (NonceKeys - 1)];
        var claim = await store.TryClaimAsync(key, TimeSpan.FromMinutes(1), default);
        if (claim.Status != NonceClaimStatus.Claimed)
            throw new InvalidOperationException("the key was not claimed: the benchmark measures a claim that succeeds");
        await store.CompleteAsync(key, claim.Token, TimeSpan.FromTicks(1), default);
    }

    private long _keys;
}
