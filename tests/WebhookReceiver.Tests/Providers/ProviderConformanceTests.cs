using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers;

/// <summary>
/// The tests every provider passes. A provider's test class derives from this, says how to sign for it, and adds
/// only what is particular to it (handshakes, URL rules, body shapes). The convention test checks that each
/// provider in <see cref="WebhookProviders.All"/> has such a class.
/// </summary>
public abstract partial class ProviderConformanceTests
{
    protected const string SchemeName = "test";
    protected const string Path = "/webhooks/test";
    protected const string Url = "http://localhost" + Path;

    /// <summary>The provider under test.</summary>
    public abstract WebhookProvider Provider { get; }

    /// <summary>The key material that signs (the shared secret, or the private key of asymmetric schemes).</summary>
    protected abstract string SigningSecret { get; }

    /// <summary>The key material the receiver verifies with (the public key of asymmetric schemes).</summary>
    protected virtual string VerifyingSecret => SigningSecret;

    /// <summary>Another valid key of the same kind: signatures made with it must fail.</summary>
    protected abstract string OtherSigningSecret { get; }

    /// <summary>The header carrying the signature, removed by the missing-header test.</summary>
    protected abstract string SignatureHeader { get; }

    /// <summary>Whether the scheme signs a timestamp (then stale and future timestamps must fail).</summary>
    protected abstract bool SignsTimestamp { get; }

    /// <summary>Whether the signature covers the body (a plain token such as GitLab's does not; then tampering cannot be detected).</summary>
    protected virtual bool SignsBody => true;

    /// <summary>A realistic body for this provider.</summary>
    protected virtual string Body => """{"id":"evt_1001","type":"test.event","data":{"amount":1250}}""";

    /// <summary>The event type <see cref="Body"/> carries or the signer puts in a header.</summary>
    protected virtual string? EventType => "test.event";

    /// <summary>The acknowledgment of a processed delivery (the provider's own format where it needs one).</summary>
    protected virtual string ProcessedBody => StatusBody("processed");

    /// <summary>Whether the scheme asks for bodiless answers (<see cref="WebhookScheme.AnswersWithoutBody"/>, Xero).</summary>
    protected bool AnswersWithoutBody => CreateScheme(VerifyingSecret).AnswersWithoutBody;

    /// <summary>The library's answer <c>{"status":"<paramref name="status"/>"}</c>, or nothing for schemes that answer without a body.</summary>
    protected string StatusBody(string status) => AnswersWithoutBody ? "" : $$"""{"status":"{{status}}"}""";

    /// <summary>The content type the provider posts with.</summary>
    protected virtual string ContentType => "application/json";

    /// <summary>Provider-specific options set in addition to the secret.</summary>
    protected virtual void Configure(WebhookSchemeOptions options)
    {
    }

    protected WebhookScheme CreateScheme(string secret)
    {
        var options = Provider.CreateOptions();
        options.Secret = secret;
        Configure(options);
        return Provider.CreateScheme(SchemeName, options);
    }

    protected virtual WebhookSignedRequest Sign(string secret, DateTimeOffset timestamp, string? body = null, string? id = null)
        => CreateScheme(secret).Sign(new WebhookSigningRequest
        {
            Body = Encoding.UTF8.GetBytes(body ?? Body),
            Timestamp = timestamp,
            Url = Url,
            EventType = EventType,
            Id = id,
        });

    /// <summary>Verifies and reads a signed request as the receiver does, at <see cref="WebhookTestHost.Start"/>; fails the test when it does not verify.</summary>
    protected WebhookEvent Read(WebhookSignedRequest signed, string? secret = null)
    {
        var result = CreateScheme(secret ?? VerifyingSecret).Verify(ToRequest(signed), WebhookTestHost.Start);
        Assert.True(result.Succeeded, result.Reason);
        return Assert.IsType<WebhookDelivery>(result.Delivery).Whole;
    }

    protected static WebhookRequest ToRequest(WebhookSignedRequest signed, Action<IHeaderDictionary>? edit = null, byte[]? body = null)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in signed.Headers)
            headers.Append(name, value);
        edit?.Invoke(headers);
        return new WebhookRequest(signed.Method, signed.Url ?? Url, headers, body ?? signed.Body.ToArray());
    }

    protected WebhookVerificationResult Verify(WebhookRequest request, DateTimeOffset now) => CreateScheme(VerifyingSecret).Verify(request, now);

    /// <summary>The failure when the signature is absent. Default: <see cref="WebhookVerificationFailure.MissingHeader"/>.</summary>
    protected virtual WebhookVerificationFailure MissingSignatureFailure => WebhookVerificationFailure.MissingHeader;

    /// <summary>The signed request without its signature. Default: <see cref="SignatureHeader"/> removed.</summary>
    protected virtual WebhookRequest WithoutSignature(WebhookSignedRequest delivery) => ToRequest(delivery, h => h.Remove(SignatureHeader));

    /// <summary>The signed request with its signature replaced by <paramref name="value"/>. Default: in <see cref="SignatureHeader"/>.</summary>
    protected virtual WebhookRequest WithSignature(WebhookSignedRequest delivery, string value) => ToRequest(delivery, h => h[SignatureHeader] = value);

    /// <summary>A copy of a signed body with one signed byte changed. Default: the middle byte.</summary>
    protected virtual byte[] Tamper(ReadOnlyMemory<byte> body)
    {
        var tampered = body.ToArray();
        tampered[tampered.Length / 2] ^= 0x01;
        return tampered;
    }

    [Fact]
    public void SignThenVerify_SameSecret_Succeeds()
    {
        var now = WebhookTestHost.Start;
        var result = Verify(ToRequest(Sign(SigningSecret, now)), now);
        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(WebhookVerificationFailure.None, result.Failure);
    }

    [Fact]
    public void Verify_TamperedBody_FailsWithSignatureMismatch()
    {
        if (!SignsBody)
            Assert.Skip($"{Provider.Id} sends a plain token that does not cover the body.");
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var result = Verify(ToRequest(signed, body: Tamper(signed.Body)), now);
        Assert.False(result.Succeeded);
        Assert.NotEqual(WebhookVerificationFailure.None, result.Failure);
    }

    [Fact]
    public void Verify_WrongSecret_FailsWithSignatureMismatch()
    {
        var now = WebhookTestHost.Start;
        var result = Verify(ToRequest(Sign(OtherSigningSecret, now)), now);
        Assert.False(result.Succeeded);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void Verify_MissingSignatureHeader_FailsWithMissingHeader()
    {
        var now = WebhookTestHost.Start;
        var result = Verify(WithoutSignature(Sign(SigningSecret, now)), now);
        Assert.False(result.Succeeded);
        Assert.Equal(MissingSignatureFailure, result.Failure);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(",")]
    [InlineData("=")]
    [InlineData("sha256=")]
    [InlineData("v1,")]
    [InlineData("t=,v1=")]
    [InlineData("ts=1;h1=zz")]
    [InlineData("not base64 or hex !!!")]
    [InlineData("v1,AAAA v1a,AAAA sha256=00 t=1,v1=00")]
    public void Verify_MalformedSignatureHeader_FailsWithoutThrowing(string value)
    {
        var now = WebhookTestHost.Start;
        var result = Verify(WithSignature(Sign(SigningSecret, now), value), now);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Verify_LongGarbageSignatureHeader_FailsWithoutThrowing()
    {
        var now = WebhookTestHost.Start;
        var garbage = string.Join(' ', Enumerable.Range(0, 500).Select(i => $"v1,{new string((char)('A' + (i % 26)), 400)}"));
        var result = Verify(WithSignature(Sign(SigningSecret, now), garbage), now);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Verify_StaleTimestamp_FailsWithTimestampTooOld()
    {
        if (!SignsTimestamp)
            Assert.Skip($"{Provider.Id} signs no timestamp; replay protection rests on the delivery id.");
        var now = WebhookTestHost.Start;
        var tolerance = CreateScheme(VerifyingSecret).Options.Tolerance;
        var result = Verify(ToRequest(Sign(SigningSecret, now - tolerance - TimeSpan.FromSeconds(5))), now);
        Assert.Equal(WebhookVerificationFailure.TimestampTooOld, result.Failure);
    }

    [Fact]
    public void Verify_FutureTimestamp_FailsWithTimestampTooNew()
    {
        if (!SignsTimestamp)
            Assert.Skip($"{Provider.Id} signs no timestamp; replay protection rests on the delivery id.");
        var now = WebhookTestHost.Start;
        var tolerance = CreateScheme(VerifyingSecret).Options.Tolerance;
        var result = Verify(ToRequest(Sign(SigningSecret, now + tolerance + TimeSpan.FromSeconds(5))), now);
        Assert.Equal(WebhookVerificationFailure.TimestampTooNew, result.Failure);
    }

    [Fact]
    public void Verify_TimestampJustInsideTolerance_Succeeds()
    {
        if (!SignsTimestamp)
            Assert.Skip($"{Provider.Id} signs no timestamp.");
        var now = WebhookTestHost.Start;
        var tolerance = CreateScheme(VerifyingSecret).Options.Tolerance;
        var result = Verify(ToRequest(Sign(SigningSecret, now - tolerance + TimeSpan.FromSeconds(1))), now);
        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public void Verify_WrongUrl_FailsNamingTheCheckedUrl()
    {
        if (!CreateScheme(VerifyingSecret).RequiresUrl)
            Assert.Skip($"{Provider.Id} does not sign the URL.");
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        const string internalUrl = "http://internal:8080/webhooks/test";

        var result = Verify(new WebhookRequest(signed.Method, internalUrl, ToRequest(signed).Headers, signed.Body), now);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
        Assert.Contains(internalUrl, result.Reason, StringComparison.Ordinal);
        Assert.Contains("PublicBaseUrl", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoUrl_FailsWithUrlMismatch()
    {
        if (!CreateScheme(VerifyingSecret).RequiresUrl)
            Assert.Skip($"{Provider.Id} does not sign the URL.");
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var result = Verify(new WebhookRequest(signed.Method, null, ToRequest(signed).Headers, signed.Body), now);
        Assert.Equal(WebhookVerificationFailure.UrlMismatch, result.Failure);
    }

    [Fact]
    public void Verify_PublishedVectors_MatchExpectedValidity()
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "Vectors", Provider.Id + ".json");
        if (!File.Exists(path))
            Assert.Skip($"no published vectors for {Provider.Id}");
        foreach (var vector in VectorFile.Load(Provider.Id))
        {
            var headers = new HeaderDictionary();
            foreach (var (name, value) in vector.Headers)
                headers[name] = value;
            var request = new WebhookRequest(vector.Method, vector.Url, headers, Encoding.UTF8.GetBytes(vector.Body));
            var now = vector.Now is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : WebhookTestHost.Start;
            var options = Provider.CreateOptions();
            options.Secret = vector.Secret;
            ConfigureForVector(options, vector);
            var result = Provider.CreateScheme(SchemeName, options).Verify(request, now);
            Assert.True(vector.Valid == result.Succeeded, $"vector '{vector.Name}': expected valid={vector.Valid}, got {result}");
        }
    }

    /// <summary>Options a published vector needs besides its secret (e.g. a public URL). Default: none.</summary>
    protected virtual void ConfigureForVector(WebhookSchemeOptions options, VectorCase vector)
    {
    }

    [Fact]
    public async Task Pipeline_SignedDelivery_IsProcessedOnceThenAnsweredAsDuplicate()
    {
        var runs = 0;
        await using var host = await StartHostAsync(async (Webhook<JsonElement> hook, CancellationToken ct) =>
        {
            Interlocked.Increment(ref runs);
            await Task.Yield();
        });
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), id: "delivery-1");

        var first = await host.Client.SendAsync(signed.ToHttpRequest(Url, ContentType), TestContext.Current.CancellationToken);
        var second = await host.Client.SendAsync(signed.ToHttpRequest(Url, ContentType), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(ProcessedBody, await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(StatusBody("duplicate"), await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Pipeline_WrongSecret_Answers401WithoutRunningHandler()
    {
        var runs = 0;
        await using var host = await StartHostAsync((Webhook<JsonElement> hook, CancellationToken ct) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });
        var signed = Sign(OtherSigningSecret, host.Time.GetUtcNow());

        var response = await host.Client.SendAsync(signed.ToHttpRequest(Url, ContentType), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(AnswersWithoutBody ? null : "application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, runs);
    }

    protected Task<WebhookTestHost> StartHostAsync(Func<Webhook<JsonElement>, CancellationToken, Task> handler)
        => WebhookTestHost.StartAsync(
            schemes => schemes.AddScheme(SchemeName, Provider, options =>
            {
                options.Secret = VerifyingSecret;
                Configure(options);
            }),
            app => app.MapWebhook(Path, SchemeName, handler));
}
