using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Mailgun;

public sealed class MailgunConformanceTests : ProviderConformanceTests
{
    public override WebhookProvider Provider => MailgunScheme.Provider;

    protected override string SigningSecret => "key-0123456789abcdef0123456789abcdef";

    protected override string OtherSigningSecret => "key-fedcba9876543210fedcba9876543210";

    protected override string SignatureHeader => "signature";

    protected override bool SignsTimestamp => true;

    protected override string Body => """{"event-data":{"event":"delivered","id":"CPgfbmQMTCKtHW6uIWtuVe","timestamp":1700000000.0,"recipient":"alice@example.com"}}""";

    protected override string? EventType => "delivered";

    protected override WebhookVerificationFailure MissingSignatureFailure => WebhookVerificationFailure.MalformedBody;

    protected override WebhookRequest WithoutSignature(WebhookSignedRequest delivery) => ToRequest(delivery, body: Encoding.UTF8.GetBytes(Body));

    protected override WebhookRequest WithSignature(WebhookSignedRequest delivery, string value)
        => ToRequest(delivery, body: EditSignature(delivery.Body, s => s["signature"] = value));

    /// <summary>Mailgun signs only the timestamp and token: tampering means changing one of those.</summary>
    protected override byte[] Tamper(ReadOnlyMemory<byte> body)
        => EditSignature(body, s => s["token"] = s["token"]!.GetValue<string>()[..^1] + "x");

    [Fact]
    public void ReadDelivery_SignedTokenIsTheReplayKeyAndEventDataEventAnUnsignedType()
    {
        var e = Read(Sign(SigningSecret, WebhookTestHost.Start, id: "token-123"));
        Assert.Equal((WebhookValue.FromSigned("token-123"), WebhookValue.FromLabel("delivered")), (e.Id, e.EventType));
        Assert.Equal("token-123", e.ReplayKey);
    }

    [Fact]
    public void Verify_TimestampAltered_Fails()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var altered = EditSignature(signed.Body, s => s["timestamp"] = (now.ToUnixTimeSeconds() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, Verify(ToRequest(signed, body: altered), now).Failure);
    }

    [Fact]
    public void Verify_NumericTimestamp_IsAccepted()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var numeric = EditSignature(signed.Body, s => s["timestamp"] = now.ToUnixTimeSeconds());
        Assert.True(Verify(ToRequest(signed, body: numeric), now).Succeeded);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"signature":"abc"}""")]
    [InlineData("""{"signature":{"token":"t"}}""")]
    [InlineData("[]")]
    public void Verify_BodyWithoutUsableSignature_FailsWithMalformedBody(string body)
    {
        var result = Verify(new WebhookRequest("POST", Url, new Microsoft.AspNetCore.Http.HeaderDictionary(), Encoding.UTF8.GetBytes(body)), WebhookTestHost.Start);
        Assert.Equal(WebhookVerificationFailure.MalformedBody, result.Failure);
    }

    [Fact]
    public void Options_DefaultTolerance_Is15Minutes()
        => Assert.Equal(TimeSpan.FromMinutes(15), new MailgunOptions().Tolerance);

    [Fact]
    public async Task Pipeline_SameTokenWithOtherEventData_IsRefusedAsDuplicate()
    {
        var recipients = new List<string?>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddMailgun(SchemeName, o => o.Secret = SigningSecret),
            app => app.MapWebhook(Path, SchemeName).On<JsonElement>("delivered", (hook, ct) =>
            {
                recipients.Add(hook.Payload.GetProperty("event-data").GetProperty("recipient").GetString());
                return Task.CompletedTask;
            }));
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), id: "token-1");
        var forged = signed with { Body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed.Body.Span).Replace("alice", "mallory", StringComparison.Ordinal)) };

        var first = await host.Client.SendAsync(signed.ToHttpRequest(Url), TestContext.Current.CancellationToken);
        var second = await host.Client.SendAsync(forged.ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal("""{"status":"processed"}""", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("""{"status":"duplicate"}""", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["alice@example.com"], recipients);
    }

    private static byte[] EditSignature(ReadOnlyMemory<byte> body, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(body.Span)!.AsObject();
        edit(root["signature"]!.AsObject());
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>The hex signature inside the body, upper-cased: it still verifies, and the signed token keeps it a duplicate.</summary>
    protected override WebhookSignedRequest? ReencodeSignature(WebhookSignedRequest delivery)
        => new(delivery.Method, delivery.Url, delivery.Headers, EditSignature(delivery.Body, s => s["signature"] = s["signature"]!.GetValue<string>().ToUpperInvariant()));

    [Fact]
    public async Task Pipeline_SignatureBlockOfAnIgnoredEventReusedForOtherContent_IsNotProcessed()
    {
        var runs = new List<string?>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddMailgun(SchemeName, o => o.Secret = SigningSecret),
            app => app.MapWebhook(Path, SchemeName).On<JsonElement>("unsubscribed", (hook, ct) =>
            {
                runs.Add(hook.Payload.GetProperty("event-data").GetProperty("recipient").GetString());
                return Task.CompletedTask;
            }));
        var opened = Sign(SigningSecret, host.Time.GetUtcNow(), """{"event-data":{"event":"opened","recipient":"alice@example.com"}}""");
        var forgedBody = JsonNode.Parse(opened.Body.Span)!.AsObject();
        forgedBody["event-data"] = JsonNode.Parse("""{"event":"unsubscribed","recipient":"bob@example.com"}""");
        var forged = new WebhookSignedRequest(opened.Method, opened.Url, opened.Headers, Encoding.UTF8.GetBytes(forgedBody.ToJsonString()));

        var ignored = await SendAsync(host, opened.ToHttpRequest(Url));
        var replayed = await SendAsync(host, forged.ToHttpRequest(Url));

        Assert.Equal("""{"status":"ignored"}""", ignored);
        Assert.Equal("""{"status":"duplicate"}""", replayed);
        Assert.Empty(runs);
    }
}
