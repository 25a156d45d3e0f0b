using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Zoom;

public sealed class ZoomConformanceTests : ProviderConformanceTests
{
    private const string UrlValidation = """{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}""";

    public override WebhookProvider Provider => ZoomScheme.Provider;

    protected override string SigningSecret => "zoom_secret_token_4f8a9c2b1d";

    protected override string OtherSigningSecret => "zoom_secret_token_0000000000";

    protected override string SignatureHeader => ZoomDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string Body => """{"event":"meeting.started","event_ts":1764244800000,"payload":{"account_id":"AAAA","object":{"id":"85012345678","uuid":"4444AAAiAAAAAiAiAiiAii==","topic":"Standup"}}}""";

    protected override string? EventType => "meeting.started";

    [Fact]
    public async Task Pipeline_UrlValidation_AnswersPlainAndEncryptedTokenWithoutRunningTheHandler()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });

        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), UrlValidation).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), "qgg8vlvZRS6UYooatFL8Aw"u8));
        Assert.Equal("qgg8vlvZRS6UYooatFL8Aw", answer.GetProperty("plainToken").GetString());
        Assert.Equal(expected, answer.GetProperty("encryptedToken").GetString());
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task Pipeline_UnsignedUrlValidation_Answers401()
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);

        var response = await host.Client.SendAsync(Sign(OtherSigningSecret, host.Time.GetUtcNow(), UrlValidation).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Pipeline_UrlValidationWithoutPlainToken_Answers400()
    {
        await using var host = await StartHostAsync((hook, ct) => Task.CompletedTask);

        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), """{"payload":{},"event":"endpoint.url_validation"}""").ToHttpRequest(Url),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pipeline_Event_ReachesTheHandlerOfItsTypeWithoutDeliveryId()
    {
        Webhook<JsonElement>? received = null;
        string? trackingId = null;
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddZoom(SchemeName, o => o.Secret = SigningSecret),
            app => app.MapWebhook(Path, SchemeName).On<JsonElement>("meeting.started", (hook, ct) =>
            {
                received = hook;
                trackingId = hook.Headers[ZoomDefaults.TrackingIdHeader];
                return Task.CompletedTask;
            }));
        var message = Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url);
        message.Headers.Add(ZoomDefaults.TrackingIdHeader, "v=2.0;clid=us06;rid=WEB_abc");

        var response = await host.Client.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(received);
        Assert.Equal("meeting.started", received.EventType);
        Assert.Null(received.DeliveryId);
        Assert.Equal("v=2.0;clid=us06;rid=WEB_abc", trackingId);
    }

    [Fact]
    public async Task Pipeline_RetryOfTheSameBody_IsAnsweredAsDuplicate()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });
        await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url), TestContext.Current.CancellationToken);
        host.Time.Advance(TimeSpan.FromMinutes(4));

        var retry = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal("""{"status":"duplicate"}""", await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, runs);
    }
}
