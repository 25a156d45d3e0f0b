namespace WebhookReceiver.Tests.Providers.StandardWebhooks;

public sealed class StandardWebhooksHmacConformanceTests : ProviderConformanceTests
{
    public override WebhookProvider Provider => StandardWebhooksScheme.Provider;

    protected override string SigningSecret => "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    protected override string OtherSigningSecret => "whsec_" + Convert.ToBase64String(new byte[24]);

    protected override string SignatureHeader => StandardWebhooksDefaults.SignatureHeader;

    protected override bool SignsTimestamp => true;

    /// <summary>The same signature twice in the header: the copy verifies, and the signed <c>webhook-id</c> keeps it a duplicate.</summary>
    protected override WebhookSignedRequest? ReencodeSignature(WebhookSignedRequest delivery)
    {
        var signature = HeaderOf(delivery, StandardWebhooksDefaults.SignatureHeader);
        return WithHeader(delivery, StandardWebhooksDefaults.SignatureHeader, "v1,AAAA " + signature + " " + signature);
    }
}
