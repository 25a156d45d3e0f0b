namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// svix (npm): <c>Webhook.sign</c> signs (sent with svix-* headers, which the Standard Webhooks scheme accepts),
/// <c>Webhook.verify</c> verifies our webhook-* headers.
/// </summary>
public sealed class SvixInteropTests : NpmInteropTests
{
    protected override string Package => "svix";

    protected override string NpmPackage => "svix";

    public override WebhookProvider Provider => StandardWebhooksScheme.Provider;

    protected override string SigningSecret => "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    protected override string SignatureHeader => StandardWebhooksDefaults.SignatureHeader;

    protected override string SdkSignatureHeader => StandardWebhooksDefaults.SvixSignatureHeader;

    protected override string? ExpectedDeliveryId(string id) => id;
}
