namespace WebhookReceiver.Tests.Providers.Intercom;

public sealed class IntercomConformanceTests : ProviderEnvelopeConformanceTests
{
    public override WebhookProvider Provider => IntercomScheme.Provider;

    protected override string SigningSecret => "intercom-client-secret-1";

    protected override string OtherSigningSecret => "intercom-client-secret-2";

    protected override string SignatureHeader => IntercomDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => """{"type":"notification_event","id":"notif_ccd8a4d2","topic":"conversation.user.created","data":{"item":{"type":"conversation"}}}""";

    protected override string? EventType => "conversation.user.created";

    protected override string? ExpectedDeliveryId => "notif_ccd8a4d2";

    [Fact]
    public Task Pipeline_PingTopic_AnsweredPongWithoutHandler()
        => AssertPingIsAnsweredWithoutHandlerAsync("""{"type":"notification_event","id":"notif_ping","topic":"ping","data":{}}""", IntercomDefaults.PingTopic);
}
