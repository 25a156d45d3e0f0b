namespace WebhookReceiver.Tests.Interop;

/// <summary>standardwebhooks (npm, the reference library): <c>Webhook.sign</c> signs, <c>Webhook.verify</c> verifies.</summary>
public sealed class StandardWebhooksInteropTests : NpmInteropTests
{
    protected override string Package => "standardwebhooks";

    protected override string NpmPackage => "standardwebhooks";

    public override WebhookProvider Provider => StandardWebhooksScheme.Provider;

    protected override string SigningSecret => "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

    protected override string SignatureHeader => StandardWebhooksDefaults.SignatureHeader;

    protected override string? ExpectedDeliveryId(string id) => id;
}
