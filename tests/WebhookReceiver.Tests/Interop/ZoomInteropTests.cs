using System.Net;
using System.Text.Json;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// @zoom/rivet: the <c>AwsLambdaReceiver</c>'s handler (<c>@zoom/rivet/meetings</c>; <c>v0=</c> hex HMAC-SHA256 over
/// <c>v0:{x-zm-request-timestamp}:{body}</c>, the body as <c>JSON.stringify</c> writes it back) answers 200 to ours and
/// 400 to a tampered body; to a signed <c>endpoint.url_validation</c> our receiver answers what the SDK's receiver answers.
/// No signer.
/// </summary>
public sealed class ZoomInteropTests : NpmVerifyInteropTests
{
    protected override string Package => "zoom";

    protected override string NpmPackage => "@zoom/rivet";

    public override WebhookProvider Provider => ZoomScheme.Provider;

    protected override string SigningSecret => "interopZoomSecretToken0123456789";

    protected override string SignatureHeader => ZoomDefaults.SignatureHeader;

    protected override string Body => """{"event":"meeting.started","event_ts":1764878401250,"payload":{"account_id":"acc_1","object":{"id":"81250","uuid":"u1==","topic":"café ✓ — ünïcödé","duration":1250}}}""";

    protected override string? EventType => "meeting.started";

    private const string UrlValidation = """{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1764878401250,"event":"endpoint.url_validation"}""";

    [Fact]
    public async Task UrlValidation_OurReceiverAnswersWhatTheSdksReceiverAnswers()
    {
        NodeInterop.RequirePackage(NpmPackage);
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, null, SchemeName, Path);
        var signed = SignOurs(host.Time.GetUtcNow(), body: UrlValidation);
        var ct = TestContext.Current.CancellationToken;

        var ours = await host.Client.SendAsync(signed.ToHttpRequest(Url), ct);
        var oursBody = await ours.Content.ReadAsStringAsync(ct);
        var sdk = await NodeInterop.AnswerAsync(Package, new NodeRequest
        {
            Secret = SdkSecret,
            Body = UrlValidation,
            Headers = signed.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase),
        });

        Assert.Equal(200, sdk.GetProperty("statusCode").GetInt32());
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        using var sdkAnswer = JsonDocument.Parse(sdk.GetProperty("body").GetString()!);
        using var ourAnswer = JsonDocument.Parse(oursBody);
        foreach (var name in new[] { "plainToken", "encryptedToken" })
            Assert.Equal(sdkAnswer.RootElement.GetProperty(name).GetString(), ourAnswer.RootElement.GetProperty(name).GetString());
        Assert.Equal(0, handler.Runs);
    }
}
