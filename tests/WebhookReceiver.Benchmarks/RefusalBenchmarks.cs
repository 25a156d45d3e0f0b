using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Benchmarks;

/// <summary>
/// What refusing a forged 1 MiB delivery costs, per scheme: the body signed with another valid key of the provider (the
/// worst case: every header well formed, so the signature is really computed), against one HMAC-SHA256 over the same
/// body. Target (issue "Hostile input"): at most 2× that HMAC.
/// <c>dotnet run -c Release --project tests/WebhookReceiver.Benchmarks -- --filter '*RefusalBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
public class RefusalBenchmarks
{
    private const string Url = "https://hooks.example.com/webhooks/bench";
    private byte[] _body = null!;
    private byte[] _key = null!;
    private byte[] _mac = null!;
    private WebhookScheme _scheme = null!;
    private WebhookRequest _request;
    private DateTimeOffset _now;

    /// <summary>The provider under test.</summary>
    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "";

    public static IEnumerable<string> Providers => WebhookProviders.All.Select(p => p.Id);

    [GlobalSetup]
    public void Setup()
    {
        _now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        _key = RandomNumberGenerator.GetBytes(32);
        _mac = new byte[32];
        var provider = WebhookProviders.Find(Provider)!;
        _scheme = Create(provider, provider.CreateSigningSecret());
        var forger = Create(provider, provider.CreateSigningSecret());
        _body = Body(Provider);
        var signed = forger.Sign(new WebhookSigningRequest { Body = _body, Url = Url, Timestamp = _now, EventType = "bench.event" });
        var headers = new HeaderDictionary();
        foreach (var (name, value) in signed.Headers)
            headers[name] = value;
        headers["Content-Type"] = Provider == "twilio" ? "application/x-www-form-urlencoded" : "application/json";
        _request = new WebhookRequest("POST", signed.Url ?? Url, headers, signed.Body);
        if (_scheme.Verify(_request, _now).Succeeded)
            throw new InvalidOperationException($"setup: {Provider}'s forged delivery verified");
    }

    [Benchmark(Baseline = true, Description = "one HMAC-SHA256 over the 1 MiB body")]
    public int OneHmac() => HMACSHA256.HashData(_key, _body, _mac);

    [Benchmark(Description = "scheme.Verify refusing the forged 1 MiB delivery")]
    public bool Refuse() => _scheme.Verify(_request, _now).Succeeded;

    private static WebhookScheme Create(WebhookProvider provider, string secret)
    {
        var options = provider.CreateOptions();
        options.Secret = secret;
        options.PublicBaseUrl = provider.Id is "twilio" or "square" or "hubspot" ? "https://hooks.example.com" : null;
        if (options is HmacOptions hmac)
            hmac.SignatureHeader = "X-Signature";
        return provider.Build(provider.Id, options);
    }

    /// <summary>A 1 MiB body of the provider's shape: a JSON event (an array for batch providers, a form for Twilio).</summary>
    private static byte[] Body(string provider)
    {
        const int size = 1024 * 1024;
        var filler = new string('x', size);
        var text = provider switch
        {
            "twilio" => "CallSid=CA1&Body=" + filler,
            "sendgrid" or "hubspot" => $$"""[{"eventId":1,"sg_event_id":"e1","event":"delivered","subscriptionType":"contact.creation","filler":"{{filler}}"}]""",
            "mailgun" => $$$"""{"event-data":{"event":"opened","filler":"{{{filler}}}"}}""",
            _ => $$$"""{"id":"evt_1","type":"bench.event","event":"bench.event","data":{"filler":"{{{filler}}}"}}""",
        };
        return Encoding.UTF8.GetBytes(text);
    }
}
