using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// What the interop tests share: a provider's own npm package judges our bytes. The checks are here; the test classes
/// below choose which apply (<see cref="NpmVerifyInteropTests"/>: the SDK only verifies; <see cref="NpmInteropTests"/>: it
/// also signs; <see cref="NpmSignInteropTests"/>: only the SDK signs, e.g. a signature kind our signer does not make).
/// </summary>
public abstract class NpmInteropBase
{
    protected const string SchemeName = "interop";
    protected const string Path = "/webhooks/interop";
    protected const string Url = "http://localhost" + Path;

    /// <summary>The subcommand of tests/Interop/interop.mjs.</summary>
    protected abstract string Package { get; }

    /// <summary>The npm package it runs (checked to be installed).</summary>
    protected abstract string NpmPackage { get; }

    public abstract WebhookProvider Provider { get; }

    /// <summary>The key material our scheme signs with.</summary>
    protected abstract string SigningSecret { get; }

    /// <summary>The key material our receiver verifies with (the public key of asymmetric schemes).</summary>
    protected virtual string VerifyingSecret => SigningSecret;

    /// <summary>The secret handed to the SDK (to sign with, and to verify with for shared-secret schemes).</summary>
    protected virtual string SdkSecret => SigningSecret;

    /// <summary>The public key the SDK verifies with (asymmetric schemes).</summary>
    protected virtual string? SdkPublicKey => null;

    /// <summary>A body with non-ASCII text, so UTF-8 handling is judged too.</summary>
    protected virtual string Body => """{"id":"evt_interop_1","type":"interop.tested","data":{"amount":1250,"note":"café ✓ — ünïcödé"}}""";

    protected virtual string? EventType => "interop.tested";

    protected virtual string ContentType => "application/json";

    protected virtual void Configure(WebhookSchemeOptions options)
    {
    }

    /// <summary>Adds what a package needs besides the common members (Twilio's form fields or algorithm).</summary>
    protected virtual NodeRequest Decorate(NodeRequest request, string body) => request;

    protected WebhookScheme CreateScheme(string secret)
    {
        var options = Provider.CreateOptions();
        options.Secret = secret;
        Configure(options);
        return Provider.CreateScheme(SchemeName, options);
    }

    /// <summary>The delivery id our signer is given.</summary>
    protected const string OurId = "msg_interop_ours";

    protected WebhookSignedRequest SignOurs(DateTimeOffset timestamp, string id = OurId, string? body = null)
        => CreateScheme(SigningSecret).Sign(new WebhookSigningRequest
        {
            Body = Encoding.UTF8.GetBytes(body ?? Body),
            Id = id,
            Timestamp = timestamp,
            Url = Url,
            EventType = EventType,
        });

    protected Task<NodeVerdict> VerifyWithSdkAsync(WebhookSignedRequest signed, DateTimeOffset now, string? body = null)
    {
        body ??= Encoding.UTF8.GetString(signed.Body.Span);
        var headers = signed.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in UnsignedHeaders(OurId))
            headers.TryAdd(name, value); // what the provider sends beside the signature, where our signer does not write it
        return NodeInterop.VerifyAsync(Package, Decorate(new NodeRequest
        {
            Secret = SdkSecret,
            PublicKey = SdkPublicKey,
            Body = body,
            Url = signed.Url ?? Url,
            Headers = headers,
            Now = now.ToUnixTimeSeconds(),
        }, body));
    }

    /// <summary>A body with one character changed, still well-formed.</summary>
    protected virtual string Tamper(string body) => body.Replace("1250", "9250", StringComparison.Ordinal) is var t && t != body
        ? t
        : throw new InvalidOperationException("the body has no 1250 to tamper with; override Tamper");

    /// <summary>What our scheme signs (<see cref="WebhookScheme.Sign"/>, as the CLI's <c>webhook sign</c> does) passes the SDK's verification.</summary>
    protected async Task CheckOurSignatureIsAcceptedAsync()
    {
        NodeInterop.RequirePackage(NpmPackage);
        var now = TimeProvider.System.GetUtcNow();

        var verdict = await VerifyWithSdkAsync(SignOurs(now), now);

        Assert.True(verdict.Valid, $"{NpmPackage} rejected WebhookReceiver's {Provider.Id} signature: {verdict.Reason}");
    }

    /// <summary>The same signature over a changed body does not (so the check above can fail).</summary>
    protected async Task CheckOurSignatureOverATamperedBodyIsRejectedAsync()
    {
        NodeInterop.RequirePackage(NpmPackage);
        var now = TimeProvider.System.GetUtcNow();
        var signed = SignOurs(now);

        var verdict = await VerifyWithSdkAsync(signed, now, Tamper(Encoding.UTF8.GetString(signed.Body.Span)));

        Assert.False(verdict.Valid, $"{NpmPackage} accepted a tampered body: the test cannot fail");
    }

    /// <summary>The header holding the signature in our signed request.</summary>
    protected abstract string SignatureHeader { get; }

    /// <summary>The header holding the signature in the SDK's output (Svix names its headers svix-*).</summary>
    protected virtual string SdkSignatureHeader => SignatureHeader;

    /// <summary>Whether the same inputs give the same signature (HMAC, Ed25519: yes; ECDSA: no).</summary>
    protected virtual bool DeterministicSignature => true;

    /// <summary>The delivery id the receiver must hand the handler for an SDK-signed delivery with id <paramref name="id"/>.</summary>
    protected virtual string? ExpectedDeliveryId(string id) => "evt_interop_1";

    /// <summary>Headers the provider sends beside what the SDK signs (GitHub's delivery id and event, unsigned).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> UnsignedHeaders(string id) => [];

    protected virtual string DuplicateBody => """{"status":"duplicate"}""";

    protected Task<NodeSigned> SignWithSdkAsync(DateTimeOffset timestamp, string id, string? body = null)
    {
        body ??= Body;
        return NodeInterop.SignAsync(Package, Decorate(new NodeRequest
        {
            Secret = SdkSecret,
            Body = body,
            Id = id,
            Timestamp = timestamp.ToUnixTimeSeconds(),
            Url = Url,
        }, body));
    }

    private HttpRequestMessage Message(NodeSigned signed, string id, string body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, signed.Url ?? Url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        foreach (var (name, value) in signed.Headers.Concat(UnsignedHeaders(id)))
            Assert.True(message.Headers.TryAddWithoutValidation(name, value), $"header {name} could not be added");
        return message;
    }

    /// <summary>
    /// The SDK's delivery through a real receiver: processed once, then answered as a duplicate; a tampered body 401
    /// without running the handler.
    /// </summary>
    protected async Task CheckSdkDeliveryThroughTheReceiverAsync()
    {
        NodeInterop.RequirePackage(NpmPackage);
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddScheme(SchemeName, Provider, options =>
            {
                options.Secret = VerifyingSecret;
                Configure(options);
            }),
            app => app.MapWebhook(Path, SchemeName).OnAny<JsonElement>(handler.HandleAsync));
        const string id = "msg_interop_sdk_1";
        var signed = await SignWithSdkAsync(host.Time.GetUtcNow(), id);
        var ct = TestContext.Current.CancellationToken;

        var first = await host.Client.SendAsync(Message(signed, id, Body), ct);
        var firstBody = await first.Content.ReadAsStringAsync(ct);
        var second = await host.Client.SendAsync(Message(signed, id, Body), ct);
        var secondBody = await second.Content.ReadAsStringAsync(ct);
        var tampered = await host.Client.SendAsync(Message(signed, id, Tamper(Body)), ct);

        Assert.True(first.StatusCode == HttpStatusCode.OK, $"{NpmPackage}'s delivery was answered {(int)first.StatusCode}: {firstBody}");
        Assert.Equal(1, handler.Runs);
        Assert.Equal(Body, handler.LastBody);
        Assert.Equal(ExpectedDeliveryId(id), handler.Last!.DeliveryId);
        Assert.Equal(EventType, handler.Last.EventType);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(DuplicateBody, secondBody);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(1, handler.Runs);
    }

    /// <summary>The SDK's signature is ours byte for byte where signing is deterministic; else our scheme verifies it.</summary>
    protected async Task CheckSdkSignatureAgreesWithOursAsync()
    {
        NodeInterop.RequirePackage(NpmPackage);
        var timestamp = WebhookTestHost.Start;
        const string id = "msg_interop_same";

        var sdk = await SignWithSdkAsync(timestamp, id);
        var ours = SignOurs(timestamp, id);

        if (sdk.Url is not null)
            Assert.Equal(sdk.Url, ours.Url);
        var sdkSignature = sdk.Headers[SdkSignatureHeader];
        if (DeterministicSignature)
        {
            Assert.Equal(sdkSignature, ours.Headers.Single(h => string.Equals(h.Key, SignatureHeader, StringComparison.OrdinalIgnoreCase)).Value);
        }
        else
        {
            var headers = new Microsoft.AspNetCore.Http.HeaderDictionary();
            foreach (var (name, value) in sdk.Headers)
                headers[name] = value;
            var result = CreateScheme(VerifyingSecret).Verify(new WebhookRequest("POST", sdk.Url ?? Url, headers, Encoding.UTF8.GetBytes(Body)), timestamp);
            Assert.True(result.Succeeded, result.Reason);
        }
    }
}

/// <summary>The SDK only verifies: our signatures pass it, tampered ones do not.</summary>
public abstract class NpmVerifyInteropTests : NpmInteropBase
{
    [Fact]
    public Task OurSignature_TheSdkAccepts() => CheckOurSignatureIsAcceptedAsync();

    [Fact]
    public Task OurSignatureOverATamperedBody_TheSdkRejects() => CheckOurSignatureOverATamperedBodyIsRejectedAsync();
}

/// <summary>The SDK verifies and signs: both directions, and the signatures agree.</summary>
public abstract class NpmInteropTests : NpmVerifyInteropTests
{
    [Fact]
    public Task SdkSignedDelivery_IsProcessedOnce_ThenADuplicate_AndATamperedBodyIs401() => CheckSdkDeliveryThroughTheReceiverAsync();

    [Fact]
    public Task SdkSignature_AgreesWithOurs() => CheckSdkSignatureAgreesWithOursAsync();
}

/// <summary>Only the SDK signs (a signature kind our signer does not make): its deliveries through a real receiver.</summary>
public abstract class NpmSignInteropTests : NpmInteropBase
{
    [Fact]
    public Task SdkSignedDelivery_IsProcessedOnce_ThenADuplicate_AndATamperedBodyIs401() => CheckSdkDeliveryThroughTheReceiverAsync();
}
