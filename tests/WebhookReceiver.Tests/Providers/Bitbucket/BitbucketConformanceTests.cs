namespace WebhookReceiver.Tests.Providers.Bitbucket;

public sealed class BitbucketConformanceTests : ProviderEnvelopeConformanceTests
{
    public override WebhookProvider Provider => BitbucketScheme.Provider;

    protected override string SigningSecret => "bitbucket-secret-1";

    protected override string OtherSigningSecret => "bitbucket-secret-2";

    protected override string SignatureHeader => BitbucketDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => """{"push":{"changes":[]},"repository":{"full_name":"team/repo"},"actor":{"display_name":"Ann"}}""";

    protected override string? EventType => "repo:push";

    protected override IReadOnlyList<string> UnsignedIdHeaders => [BitbucketDefaults.DeliveryIdHeader];

    protected override string? UnsignedEventTypeHeader => BitbucketDefaults.EventHeader;


    [Fact]
    public Task Pipeline_DiagnosticsPing_AnsweredPongWithoutHandler()
        => AssertPingIsAnsweredWithoutHandlerAsync("""{"test":true}""", BitbucketDefaults.PingEvent);
}
