namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// @adyen/api-library: <c>hmacValidator.validateHMAC</c> for each <c>NotificationRequestItem</c> (base64 HMAC-SHA256,
/// keyed with the hex HMAC key, of <c>pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success</c>
/// in <c>additionalData.hmacSignature</c>) verifies the items our signer signs, one without an
/// <c>originalReference</c> (signed as empty). The SDK's <c>calculateHmac</c> signs one item, not a delivery.
/// </summary>
public sealed class AdyenInteropTests : NpmVerifyInteropTests
{
    protected override string Package => "adyen";

    protected override string NpmPackage => "@adyen/api-library";

    public override WebhookProvider Provider => AdyenScheme.Provider;

    protected override string SigningSecret => "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";

    /// <summary>Adyen's signature is in the body (<c>additionalData.hmacSignature</c>), not in a header.</summary>
    protected override string SignatureHeader => AdyenDefaults.SignatureProperty;

    protected override string Body => """{"live":"false","notificationItems":[{"NotificationRequestItem":{"additionalData":{"note":"café ✓"},"amount":{"currency":"EUR","value":1250},"eventCode":"AUTHORISATION","eventDate":"2026-12-04T12:00:00+01:00","merchantAccountCode":"InteropMerchant","merchantReference":"order-ünïcödé-1","pspReference":"7914073381342284","reason":"","success":"true"}},{"NotificationRequestItem":{"additionalData":{},"amount":{"currency":"EUR","value":500},"eventCode":"REFUND","eventDate":"2026-12-04T12:05:00+01:00","merchantAccountCode":"InteropMerchant","merchantReference":"order-2","originalReference":"7914073381342284","pspReference":"8835511210681234","reason":"","success":"true"}}]}""";

    protected override string? EventType => "AUTHORISATION";
}
