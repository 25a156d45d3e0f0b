namespace WebhookReceiver.Tests.Providers.Vercel;

public sealed class VercelConformanceTests : ProviderEnvelopeConformanceTests
{
    public override WebhookProvider Provider => VercelScheme.Provider;

    protected override string SigningSecret => "vercel-webhook-secret-1";

    protected override string OtherSigningSecret => "vercel-webhook-secret-2";

    protected override string SignatureHeader => VercelDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => """{"id":"uev_7wC4GmRqV5","type":"deployment.created","createdAt":1732700000000,"payload":{"deployment":{"id":"dpl_1"}}}""";

    protected override string? EventType => "deployment.created";

    protected override string? ExpectedDeliveryId => "uev_7wC4GmRqV5";
}
