using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace WebhookReceiver.Benchmarks;

/// <summary>
/// Verification alone, side by side: the raw HMAC-SHA256 over the same signed bytes (the floor), this library's
/// Standard Webhooks scheme (the signature check alone, and the whole Verify, which also reads the delivery envelope),
/// and the StandardWebhooks 1.1.2 library. Target: the check ≤ 1.05× the raw HMAC, 0 B allocated, ahead of the peer.
/// </summary>
[MemoryDiagnoser]
public class VerifyBenchmarks
{
    private byte[] _key = null!;
    private byte[] _signedContent = null!;
    private byte[] _mac = null!;
    private WebhookRequest _request;
    private DateTimeOffset _now;
    private StandardWebhooksScheme _scheme = null!;
    private StandardWebhook _peer = null!;
    private string _bodyText = null!;
    private HeaderDictionary _headers = null!;

    [GlobalSetup]
    public void Setup()
    {
        var body = BenchmarkPayload.Create(1);
        _now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        _scheme = new StandardWebhooksScheme("bench", new StandardWebhooksOptions { Secret = BenchmarkPayload.Secret });
        var signed = _scheme.Sign(new WebhookSigningRequest { Body = body, Id = "msg_2Lh8bJ5gQ1Yq0TnXo3sVdUeKcWm", Timestamp = _now });
        _headers = new HeaderDictionary();
        foreach (var (name, value) in signed.Headers)
            _headers[name] = value;
        _request = new WebhookRequest("POST", null, _headers, body);

        _key = Convert.FromBase64String(BenchmarkPayload.Secret["whsec_".Length..]);
        _signedContent = Encoding.UTF8.GetBytes($"{_headers["webhook-id"]}.{_headers["webhook-timestamp"]}.").Concat(body).ToArray();
        _mac = new byte[32];
        _bodyText = Encoding.UTF8.GetString(body);
        _peer = new StandardWebhook(BenchmarkPayload.Secret);
        if (!_scheme.Verify(_request, _now).Succeeded)
            throw new InvalidOperationException("setup: the signed request does not verify");
    }

    [Benchmark(Baseline = true, Description = "raw HMAC-SHA256 over the signed bytes")]
    public int RawHmac() => HMACSHA256.HashData(_key, _signedContent, _mac);

    [Benchmark(Description = "WebhookReceiver signature check (VerifySignature)")]
    public bool WebhookReceiverSignatureCheck() => _scheme.VerifySignatureOnly(_request, _now).Succeeded;

    [Benchmark(Description = "WebhookReceiver StandardWebhooksScheme.Verify (check + envelope)")]
    public bool WebhookReceiverVerify() => _scheme.Verify(_request, _now).Succeeded;

    [Benchmark(Description = "StandardWebhooks 1.1.2 Verify")]
    public void StandardWebhooksLibraryVerify() => _peer.Verify(_bodyText, _headers);
}
