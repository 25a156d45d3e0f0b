using System.Net;
using System.Text.Json;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Mux;

public sealed class MuxConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string AssetReady = """{"type":"video.asset.ready","id":"3a56ac3d-33da-4366-855b-f592d898409d","object":{"type":"asset","id":"0201p02fGKPE7MrbC269XRD7LpcHhrmbu0002"},"data":{"status":"ready","duration":23.8}}""";

    public override WebhookProvider Provider => MuxScheme.Provider;

    protected override string SigningSecret => "mux_test_8f3b2c1d9e7a6f5b4c3d2e1f0a9b8c7d";

    protected override string OtherSigningSecret => "mux_test_00000000000000000000000000000000";

    protected override string SignatureHeader => MuxDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    protected override string? ExpectedDeliveryId => "evt_1001";

    [Fact]
    public void Options_Default_ToleranceIs300Seconds()
        => Assert.Equal(TimeSpan.FromSeconds(300), new MuxOptions().Tolerance);

    [Fact]
    public void Verify_NoTimestamp_FailsWithMalformedHeader()
    {
        var now = WebhookTestHost.Start;
        var signed = Sign(SigningSecret, now);
        var header = signed.Headers.Single(h => h.Key == MuxDefaults.SignatureHeader).Value;
        var v1 = header[(header.IndexOf("v1=", StringComparison.Ordinal) + 3)..];

        var result = Verify(ToRequest(signed, h => h[SignatureHeader] = "v1=" + v1), now);

        Assert.Equal(WebhookVerificationFailure.MalformedHeader, result.Failure);
    }

    [Fact]
    public async Task Pipeline_EventTypeAndId_ReachTheHandlerOfThatType()
    {
        var handler = new RecordingHandler<JsonElement>();
        await using var host = await handler.StartHostAsync(Provider, SigningSecret, "video.asset.ready", SchemeName, Path);
        var signed = Sign(SigningSecret, host.Time.GetUtcNow(), AssetReady);

        var response = await host.Client.SendAsync(signed.ToHttpRequest(Url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = handler.Last;
        Assert.NotNull(received);
        Assert.Equal("3a56ac3d-33da-4366-855b-f592d898409d", received.DeliveryId);
        Assert.Equal("video.asset.ready", received.EventType);
        Assert.Equal(host.Time.GetUtcNow().ToUnixTimeSeconds(), received.Timestamp!.Value.ToUnixTimeSeconds());
    }
}
