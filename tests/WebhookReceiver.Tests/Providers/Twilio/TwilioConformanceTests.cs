using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Twilio;

public sealed class TwilioConformanceTests : ProviderConformanceTests
{
    /// <summary>Twilio reads the answer as TwiML: an empty document acknowledges without instructions.</summary>
    protected override string ProcessedBody => """<?xml version="1.0" encoding="UTF-8"?><Response></Response>""";

    private const string Form = "application/x-www-form-urlencoded";
    private const string PublicUrl = "https://hooks.example.com" + Path;

    public override WebhookProvider Provider => TwilioScheme.Provider;

    protected override string SigningSecret => "12345";

    protected override string OtherSigningSecret => "54321";

    protected override string SignatureHeader => TwilioDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => "CallSid=CA1234567890ABCDE&Digits=1234&From=%2B14158675309&To=%2B18005551212&Caller=%2B14158675309&SpeechResult=Hello+world";

    protected override string? EventType => null;

    protected override IReadOnlyList<string> UnsignedIdHeaders => [TwilioDefaults.IdempotencyTokenHeader];

    /// <summary>Base64 with a space inside still decodes to the same signature.</summary>
    protected override WebhookSignedRequest? ReencodeSignature(WebhookSignedRequest delivery)
    {
        var signature = HeaderOf(delivery, TwilioDefaults.SignatureHeader);
        return WithHeader(delivery, TwilioDefaults.SignatureHeader, signature[..4] + " " + signature[4..]);
    }

    protected override string ContentType => Form;

    [Fact]
    public void Verify_AlteredParameter_Fails()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var altered = Encoding.UTF8.GetBytes(Body.Replace("Digits=1234", "Digits=9999", StringComparison.Ordinal));
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, Verify(ToRequest(signed, body: altered), now).Failure);
    }

    [Fact]
    public void Verify_ParametersInAnotherOrder_Succeeds()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var reordered = Encoding.UTF8.GetBytes(string.Join('&', Body.Split('&').Reverse()));
        Assert.True(Verify(ToRequest(signed, body: reordered), now).Succeeded);
    }

    [Fact]
    public void Verify_RepeatedParameterNames_AreSignedSortedByValue()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now, "To=b&To=a&From=x");
        Assert.True(Verify(ToRequest(signed, body: Encoding.UTF8.GetBytes("From=x&To=a&To=b")), now).Succeeded);
        Assert.False(Verify(ToRequest(signed, body: Encoding.UTF8.GetBytes("From=x&To=a")), now).Succeeded);
    }

    [Theory]
    [InlineData("https://example.com/hook?x=1", "https://example.com:443/hook?x=1")]
    [InlineData("https://example.com:443/hook", "https://example.com/hook")]
    [InlineData("http://example.com/hook", "http://example.com:80/hook")]
    public void Verify_UrlWithOrWithoutDefaultPort_Succeeds(string signedFor, string receivedAt)
    {
        var now = WebhookTestHost.Start;
        var scheme = CreateScheme(SigningSecret);
        var signed = scheme.Sign(new WebhookSigningRequest { Body = Encoding.UTF8.GetBytes(Body), Url = signedFor, Timestamp = now });
        Assert.True(scheme.Verify(new WebhookRequest("POST", receivedAt, ToRequest(signed).Headers, signed.Body), now).Succeeded);
    }

    [Theory]
    [InlineData("https://example.com/a?b=1", "https://example.com:443/a?b=1")]
    [InlineData("https://example.com:8443/a", "https://example.com/a")]
    [InlineData("http://[::1]/a", "http://[::1]:80/a")]
    [InlineData("http://[::1]:5000", "http://[::1]")]
    public void WithOtherPort_TogglesThePort(string url, string expected)
        => Assert.Equal(expected, TwilioScheme.WithOtherPort(url));

    [Fact]
    public void SignThenVerify_JsonBody_AddsBodyHashToUrl()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now, """{"CallSid":"CA1","Caller":"+12349013030"}""");
        Assert.Contains("bodySHA256=", signed.Url, StringComparison.Ordinal);
        Assert.True(Verify(ToRequest(signed), now).Succeeded);
    }

    [Fact]
    public void Verify_JsonBodyTampered_FailsOnTheBodyHash()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now, """{"CallSid":"CA1","Caller":"+12349013030"}""");
        var result = Verify(ToRequest(signed, body: Encoding.UTF8.GetBytes("""{"CallSid":"CA2","Caller":"+12349013030"}""")), now);
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
        Assert.Contains("bodySHA256", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_FormPost_ReachesHandlerAsJsonFields()
    {
        JsonElement? payload = null;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            payload = hook.Payload.Clone();
            return Task.CompletedTask;
        });
        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url, Form), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("+14158675309", payload!.Value.GetProperty("From").GetString());
        Assert.Equal("Hello world", payload.Value.GetProperty("SpeechResult").GetString());
    }

    [Fact]
    public async Task Pipeline_ProviderCallsPublicAddress_Answers401AndLogsTheCheckedUrl()
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);
        var message = SignFor(PublicUrl, host.Time.GetUtcNow()).ToHttpRequest(Url, Form);
        SetUri(message, Url);

        var response = await host.Client.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(host.Logs.Messages, m => m.Contains("does not match URL http://localhost/webhooks/test", StringComparison.Ordinal)
            && m.Contains("PublicBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pipeline_PublicBaseUrlSet_VerifiesAgainstThePublicAddress()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddTwilio(SchemeName, o => { o.Secret = SigningSecret; o.PublicBaseUrl = "https://hooks.example.com"; }),
            app => app.MapWebhook<JsonElement>(Path, SchemeName, (hook, ct) => Task.CompletedTask));
        var message = SignFor(PublicUrl + "?tenant=7", host.Time.GetUtcNow()).ToHttpRequest(Url, Form);
        SetUri(message, Url + "?tenant=7");

        var response = await host.Client.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pipeline_PublicBaseUrlFromConfiguration_IsBound()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddTwilio(SchemeName),
            app => app.MapWebhook<JsonElement>(Path, SchemeName, (hook, ct) => Task.CompletedTask),
            configuration: new()
            {
                [$"Webhooks:Schemes:{SchemeName}:Secret"] = SigningSecret,
                [$"Webhooks:Schemes:{SchemeName}:PublicBaseUrl"] = "https://hooks.example.com/",
            });
        var message = SignFor(PublicUrl, host.Time.GetUtcNow()).ToHttpRequest(Url, Form);
        SetUri(message, Url);

        var response = await host.Client.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pipeline_ForwardedHeadersMiddleware_RestoresThePublicUrl()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddTwilio(SchemeName, o => o.Secret = SigningSecret),
            app =>
            {
                app.UseForwardedHeaders();
                app.MapWebhook<JsonElement>(Path, SchemeName, (hook, ct) => Task.CompletedTask);
            },
            services => services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
            }));
        var message = SignFor(PublicUrl, host.Time.GetUtcNow()).ToHttpRequest(Url, Form);
        SetUri(message, Url);
        message.Headers.Add("X-Forwarded-Proto", "https");
        message.Headers.Add("X-Forwarded-Host", "hooks.example.com");

        var response = await host.Client.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Options_InvalidPublicBaseUrl_IsRefused()
    {
        var errors = new List<string>();
        new TwilioOptions { Secret = "x", PublicBaseUrl = "hooks.example.com/path?x=1" }.Validate(errors);
        Assert.Contains(errors, e => e.Contains("PublicBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadDelivery_IdempotencyToken_IsAnUnsignedLabelNotTheReplayKey()
    {
        var first = Read(Sign(SigningSecret, WebhookTestHost.Start, id: "idem-42"));
        var second = Read(Sign(SigningSecret, WebhookTestHost.Start, id: "idem-43"));
        Assert.Equal(WebhookValue.FromLabel("idem-42"), first.Id);
        Assert.StartsWith("c:", first.ReplayKey, StringComparison.Ordinal);
        Assert.Equal(first.ReplayKey, second.ReplayKey);
    }

    private WebhookSignedRequest SignFor(string url, DateTimeOffset now)
        => CreateScheme(SigningSecret).Sign(new WebhookSigningRequest { Body = Encoding.UTF8.GetBytes(Body), Url = url, Timestamp = now });

    /// <summary>Sends to the test server's own address, as a proxy would, whatever URL was signed.</summary>
    private static void SetUri(HttpRequestMessage message, string url) => message.RequestUri = new Uri(url);

    [Fact]
    public async Task Pipeline_SameParametersReorderedAndReencoded_IsADuplicate()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });
        var signed = Sign(SigningSecret, host.Time.GetUtcNow());
        var reordered = string.Join('&', Body.Split('&').Reverse()).Replace("Hello+world", "Hello%20world", StringComparison.Ordinal);
        var copy = new WebhookSignedRequest(signed.Method, signed.Url, signed.Headers, Encoding.UTF8.GetBytes(reordered));
        Assert.True(Verify(ToRequest(copy), host.Time.GetUtcNow()).Succeeded, "the reordered form carries the same signature");

        var first = await SendAsync(host, signed.ToHttpRequest(Url, ContentType));
        var second = await SendAsync(host, copy.ToHttpRequest(Url, ContentType));

        Assert.Equal(ProcessedBody, first);
        Assert.Equal("""{"status":"duplicate"}""", second);
        Assert.Equal(1, runs);
    }
}
