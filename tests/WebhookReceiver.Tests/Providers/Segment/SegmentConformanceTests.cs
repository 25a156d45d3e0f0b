using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Segment;

public sealed class SegmentConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string SharedSecret = "segment-shared-secret-7Qh2";

    private const string Track = """{"anonymousId":"23adfd82-aa0f-45a7-a756-24f2a7a4c895","context":{"library":{"name":"analytics.js","version":"2.11.1"},"ip":"108.0.78.21"},"event":"Order Completed","messageId":"ajs-f8ca1e4de5024d9430b3928bd8ac6b96","properties":{"order_id":"50314b8e9bcf000000000000","total":27.5,"currency":"USD"},"receivedAt":"2026-11-27T12:00:00.358Z","sentAt":"2026-11-27T12:00:00.184Z","timestamp":"2015-12-12T19:11:01.249Z","type":"track","userId":"AiUGstSDIg","originalTimestamp":"2015-12-12T19:11:01.152Z"}""";

    private const string Identify = """{"messageId":"ajs-2c0e5bb1b8b76a43ff2b3d71cc1c34a0","type":"identify","userId":"AiUGstSDIg","traits":{"email":"peter@example.com","plan":"premium"},"timestamp":"2026-11-27T12:00:01.000Z","sentAt":"2026-11-27T12:00:01.050Z"}""";

    public override WebhookProvider Provider => SegmentScheme.Provider;

    protected override string SigningSecret => SharedSecret;

    protected override string OtherSigningSecret => "segment-shared-secret-other";

    protected override string SignatureHeader => SegmentDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => Track;

    protected override string? EventType => "track";

    protected override string? ExpectedDeliveryId => "ajs-f8ca1e4de5024d9430b3928bd8ac6b96";

#pragma warning disable CA5350 // Segment signs with HMAC-SHA1
    private static string Signature(string secret, string body)
        => Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static byte[] Sha1(byte[] key, byte[] body) => HMACSHA1.HashData(key, body);
#pragma warning restore CA5350

    private static WebhookRequest Request(string body, string signature)
        => new("POST", null, new HeaderDictionary { [SegmentDefaults.SignatureHeader] = signature }, Encoding.UTF8.GetBytes(body));

    private static HttpRequestMessage Post(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(SegmentDefaults.SignatureHeader, Signature(SharedSecret, body));
        return request;
    }

    [Fact]
    public void Verify_HexSha1ComputedIndependently_ReadsSignedMessageIdAndTypeWithoutTimeCheck()
    {
        // The message's timestamp is eleven years before "now": it is the event's time, not a freshness check.
        var result = CreateScheme(SharedSecret).Verify(Request(Track, Signature(SharedSecret, Track)), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        var e = result.Delivery!.Whole;
        Assert.Equal(WebhookValue.FromSigned("ajs-f8ca1e4de5024d9430b3928bd8ac6b96"), e.Id);
        Assert.Equal(WebhookValue.FromSigned("track"), e.EventType);
        Assert.Equal(WebhookReplayKeys.ForSignedId("ajs-f8ca1e4de5024d9430b3928bd8ac6b96"), e.ReplayKey);
        Assert.Null(result.Delivery.Timestamp);
        Assert.Null(result.Delivery.Items);
    }

    [Fact]
    public void Sign_WritesTheIndependentlyComputedSignature()
    {
        Assert.Equal(Signature(SharedSecret, Track), HeaderOf(Sign(SharedSecret, WebhookTestHost.Start, Track), SegmentDefaults.SignatureHeader));
    }

    [Fact]
    public void Verify_OtherAlgorithmsOrEncodings_Fail()
    {
        var key = Encoding.UTF8.GetBytes(SharedSecret);
        var body = Encoding.UTF8.GetBytes(Track);
        foreach (var signature in new[]
        {
            Convert.ToHexStringLower(HMACSHA256.HashData(key, body)),
            Convert.ToBase64String(Sha1(key, body)),
            "sha1=" + Convert.ToHexStringLower(Sha1(key, body)),
        })
            Assert.False(CreateScheme(SharedSecret).Verify(Request(Track, signature), WebhookTestHost.Start).Succeeded, signature);
    }

    [Fact]
    public void ReadDelivery_MessageWithoutMessageId_IsKeyedByAHashOfTheBody()
    {
        const string body = """{"type":"identify","userId":"u1","traits":{"plan":"free"}}""";

        var e = CreateScheme(SharedSecret).Verify(Request(body, Signature(SharedSecret, body)), WebhookTestHost.Start).Delivery!.Whole;

        Assert.Null(e.Id.Value);
        Assert.Equal(WebhookValue.FromSigned("identify"), e.EventType);
        Assert.Equal(WebhookReplayKeys.ForSignedContent(Encoding.UTF8.GetBytes(body)), e.ReplayKey);
    }

    [Fact]
    public void ReadDelivery_ArraySignedWhole_IsSplitPerMessage()
    {
        var body = "[" + Track + "," + Identify + "]";

        var result = CreateScheme(SharedSecret).Verify(Request(body, Signature(SharedSecret, body)), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal([("ajs-f8ca1e4de5024d9430b3928bd8ac6b96", "track"), ("ajs-2c0e5bb1b8b76a43ff2b3d71cc1c34a0", "identify")],
            result.Delivery!.Items!.Select(e => (e.Id.Value, e.EventType.Value)));
        Assert.All(result.Delivery.Items!, e => Assert.True(e.Id.IsSigned && e.EventType.IsSigned));
    }

    [Fact]
    public void Verify_BatchSignedOverItsFirstMessageOnly_Fails()
    {
        // Segment's batching signs the first message alone; the rest of the array would be unauthenticated.
        var body = "[" + Track + "," + Identify + "]";

        var result = CreateScheme(SharedSecret).Verify(Request(body, Signature(SharedSecret, Track)), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
    }

    [Theory]
    [InlineData("""not json""")]
    [InlineData("""[1,2]""")]
    [InlineData("""[{"type":"track"}] trailing""")]
    [InlineData("\"track\"")]
    public void Verify_SignedButNotASegmentMessage_FailsAsUnreadable(string body)
    {
        var result = CreateScheme(SharedSecret).Verify(Request(body, Signature(SharedSecret, body)), WebhookTestHost.Start);

        Assert.Equal(WebhookVerificationFailure.UnreadableDelivery, result.Failure);
    }

    [Fact]
    public async Task Pipeline_MessagesDispatchedByType_RetryWithOtherSentAtIsADuplicate()
    {
        var seen = new List<string>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddSegment(SchemeName, o => o.Secret = SharedSecret),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("track", (hook, ct) => Record(seen, "track:" + hook.Payload.GetProperty("event").GetString()))
                .On<JsonElement>("identify", (hook, ct) => Record(seen, "identify:" + hook.Payload.GetProperty("userId").GetString())));
        // Segment's retry of the same message, sent (and signed) again later: same messageId, other sentAt.
        var retry = Track.Replace("\"sentAt\":\"2026-11-27T12:00:00.184Z\"", "\"sentAt\":\"2026-11-27T12:05:00.000Z\"", StringComparison.Ordinal);
        Assert.NotEqual(Track, retry);

        var track = await SendAsync(host, Post(Track));
        var identify = await SendAsync(host, Post(Identify));
        var again = await SendAsync(host, Post(retry));

        Assert.Equal("""{"status":"processed"}""", track);
        Assert.Equal("""{"status":"processed"}""", identify);
        Assert.Equal("""{"status":"duplicate"}""", again);
        Assert.Equal(["track:Order Completed", "identify:AiUGstSDIg"], seen);
    }

    [Fact]
    public async Task Pipeline_BatchSignedOverItsFirstMessageOnly_Is401AndRunsNoHandler()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });
        var body = "[" + Track + "," + Identify + "]";
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(SegmentDefaults.SignatureHeader, Signature(SharedSecret, Track));

        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, runs);
    }

    private static Task Record(List<string> seen, string what)
    {
        lock (seen)
            seen.Add(what);
        return Task.CompletedTask;
    }
}
