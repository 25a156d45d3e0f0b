using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Twitch;

public sealed class TwitchConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Challenge = "pogchamp-kappa-360noscope-vohiyo";
    private const string ChallengeBody = """{"challenge":"pogchamp-kappa-360noscope-vohiyo","subscription":{"id":"f1c2a387-161a-49f9-a165-0f21d7a4e1c4","status":"webhook_callback_verification_pending","type":"channel.follow","version":"2"}}""";
    private const string RevocationBody = """{"subscription":{"id":"f1c2a387-161a-49f9-a165-0f21d7a4e1c4","status":"authorization_revoked","type":"channel.follow","version":"2"}}""";

    public override WebhookProvider Provider => TwitchScheme.Provider;

    protected override string SigningSecret => "s3cre7-eventsub-secret";

    protected override string OtherSigningSecret => "another-eventsub-secret";

    protected override string SignatureHeader => TwitchDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string Body => """{"subscription":{"id":"f1c2a387-161a-49f9-a165-0f21d7a4e1c4","type":"channel.follow","version":"2"},"event":{"user_id":"1234","user_login":"cool_user","broadcaster_user_id":"1337"}}""";

    protected override string? EventType => "channel.follow";

    [Fact]
    public void Options_Default_ToleranceIsTenMinutes()
        => Assert.Equal(TimeSpan.FromMinutes(10), new TwitchOptions().Tolerance);

    [Theory]
    [InlineData("too-short", false)]
    [InlineData("ten-chars!", true)]
    public void Options_SecretLength_IsCheckedAgainstTwitchLimits(string secret, bool valid)
    {
        var errors = new List<string>();

        new TwitchOptions { Secret = secret }.Validate(errors);

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Verify_NanosecondTimestamp_Succeeds()
    {
        var now = WebhookTestHost.Start;
        const string id = "e76c6bd4-55c9-4987-8304-da1588d8988b";
        var timestamp = now.AddSeconds(-3).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + ".634234626Z";
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), Encoding.UTF8.GetBytes(id + timestamp + Body)));
        var signed = Sign(SigningSecret, now, id: id);

        var result = Verify(ToRequest(signed, h =>
        {
            h[TwitchDefaults.TimestampHeader] = timestamp;
            h[TwitchDefaults.SignatureHeader] = signature;
        }), now);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(now.AddSeconds(-3).AddTicks(6342346), result.Timestamp);
    }

    [Fact]
    public void Verify_MessageIdChanged_FailsWithSignatureMismatch()
    {
        var now = WebhookTestHost.Start;

        var result = Verify(ToRequest(Sign(SigningSecret, now, id: "message-1"), h => h[TwitchDefaults.MessageIdHeader] = "message-2"), now);

        Assert.Equal(WebhookVerificationFailure.SignatureMismatch, result.Failure);
    }

    [Fact]
    public void Verify_UnixTimestamp_FailsWithMalformedHeader()
    {
        var now = WebhookTestHost.Start;

        var result = Verify(ToRequest(Sign(SigningSecret, now), h => h[TwitchDefaults.TimestampHeader] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)), now);

        Assert.Equal(WebhookVerificationFailure.MalformedHeader, result.Failure);
    }

    [Fact]
    public async Task Pipeline_Challenge_AnswersTheRawChallengeAsTextWithoutRunningTheHandler()
    {
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);

        var response = await host.Client.SendAsync(SignAs(TwitchDefaults.VerificationMessage, ChallengeBody, host.Time.GetUtcNow()).ToHttpRequest(Url),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Challenge, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, handler.Runs);
    }

    [Fact]
    public async Task Pipeline_UnsignedChallenge_Answers401()
    {
        await using var host = await new RecordingHandler<JsonElement>().StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);
        var signed = SignAs(TwitchDefaults.VerificationMessage, ChallengeBody, host.Time.GetUtcNow(), OtherSigningSecret);

        var response = await host.Client.SendAsync(signed.ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Pipeline_Revocation_ReachesTheRevocationHandler()
    {
        var revocations = new RecordingHandler<JsonElement>();
        var notifications = new RecordingHandler<JsonElement>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddTwitch(SchemeName, o => o.Secret = SigningSecret),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>(TwitchDefaults.RevocationMessage, revocations.HandleAsync)
                .On<JsonElement>("channel.follow", notifications.HandleAsync));

        var response = await host.Client.SendAsync(SignAs(TwitchDefaults.RevocationMessage, RevocationBody, host.Time.GetUtcNow(), id: "revocation-1").ToHttpRequest(Url),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revoked = revocations.Last;
        Assert.NotNull(revoked);
        Assert.Equal("revocation", revoked.EventType);
        Assert.Equal("revocation-1", revoked.DeliveryId);
        Assert.Equal("authorization_revoked", revoked.Payload.GetProperty("subscription").GetProperty("status").GetString());
        Assert.Equal(0, notifications.Runs);
    }

    private WebhookSignedRequest SignAs(string messageType, string body, DateTimeOffset timestamp, string? secret = null, string? id = null)
        => CreateScheme(secret ?? SigningSecret).Sign(new WebhookSigningRequest
        {
            Body = Encoding.UTF8.GetBytes(body),
            Timestamp = timestamp,
            EventType = messageType,
            Id = id,
        });

    [Fact]
    public async Task Pipeline_NotificationRelabelledAsRevocation_RunsTheNotificationHandlerOnly()
    {
        var seen = new List<string?>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddTwitch(SchemeName, o => o.Secret = SigningSecret),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>(TwitchDefaults.RevocationMessage, (hook, ct) => Record(seen, "revocation"))
                .On<JsonElement>("channel.subscribe", (hook, ct) => Record(seen, "subscribe"))
                .On<JsonElement>("channel.follow", (hook, ct) => Record(seen, "follow")));
        var signed = Sign(SigningSecret, host.Time.GetUtcNow());
        var request = signed.ToHttpRequest(Url);
        request.Headers.Remove(TwitchDefaults.MessageTypeHeader);
        request.Headers.Add(TwitchDefaults.MessageTypeHeader, TwitchDefaults.RevocationMessage);
        request.Headers.Remove(TwitchDefaults.SubscriptionTypeHeader);
        request.Headers.Add(TwitchDefaults.SubscriptionTypeHeader, "channel.subscribe");

        var answer = await SendAsync(host, request);

        Assert.Equal("""{"status":"processed"}""", answer);
        Assert.Equal(["follow"], seen);
    }

    private static Task Record(List<string?> seen, string what)
    {
        lock (seen)
            seen.Add(what);
        return Task.CompletedTask;
    }
}
