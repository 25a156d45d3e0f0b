using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Zoom;

public sealed class ZoomConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string UrlValidation = """{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}""";

    public override WebhookProvider Provider => ZoomScheme.Provider;

    protected override string SigningSecret => "zoom_secret_token_4f8a9c2b1d";

    protected override string OtherSigningSecret => "zoom_secret_token_0000000000";

    protected override string SignatureHeader => ZoomDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string? ExpectedDeliveryId => null;

    protected override string Body => """{"event":"meeting.started","event_ts":1764244800000,"payload":{"account_id":"AAAA","object":{"id":"85012345678","uuid":"4444AAAiAAAAAiAiAiiAii==","topic":"Standup"}}}""";

    protected override string? EventType => "meeting.started";

    [Fact]
    public async Task Pipeline_UrlValidation_AnswersPlainAndEncryptedTokenWithoutRunningTheHandler()
    {
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);

        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), UrlValidation).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), "qgg8vlvZRS6UYooatFL8Aw"u8));
        Assert.Equal("qgg8vlvZRS6UYooatFL8Aw", answer.GetProperty("plainToken").GetString());
        Assert.Equal(expected, answer.GetProperty("encryptedToken").GetString());
        Assert.Equal(0, handler.Runs);
    }

    [Fact]
    public async Task Pipeline_UnsignedUrlValidation_Answers401()
    {
        await using var host = await new RecordingHandler<JsonElement>().StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);

        var response = await host.Client.SendAsync(Sign(OtherSigningSecret, host.Time.GetUtcNow(), UrlValidation).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Pipeline_UrlValidationWithoutPlainToken_Answers400()
    {
        await using var host = await new RecordingHandler<JsonElement>().StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);

        var response = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow(), """{"payload":{},"event":"endpoint.url_validation"}""").ToHttpRequest(Url),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pipeline_Event_ReachesTheHandlerOfItsTypeWithoutDeliveryId()
    {
        var handler = new RecordingHandler<JsonElement>(ZoomDefaults.TrackingIdHeader);
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, "meeting.started", SchemeName, Path);
        var message = Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url);
        message.Headers.Add(ZoomDefaults.TrackingIdHeader, "v=2.0;clid=us06;rid=WEB_abc");

        var response = await host.Client.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, handler.Runs);
        Assert.Equal("meeting.started", handler.Last?.EventType);
        Assert.Null(handler.Last?.DeliveryId);
        Assert.Equal("v=2.0;clid=us06;rid=WEB_abc", handler.LastHeaders[ZoomDefaults.TrackingIdHeader].ToString());
    }

    [Fact]
    public async Task Pipeline_RetryOfTheSameBody_IsAnsweredAsDuplicate()
    {
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);
        await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url), TestContext.Current.CancellationToken);
        host.Time.Advance(TimeSpan.FromMinutes(4));

        var retry = await host.Client.SendAsync(Sign(SigningSecret, host.Time.GetUtcNow()).ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal("""{"status":"duplicate"}""", await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, handler.Runs);
    }
}
