namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// box-node-sdk: <c>WebhooksManager.validateMessage</c> (base64 HMAC-SHA256 of <c>{body}{BOX-DELIVERY-TIMESTAMP}</c> in
/// <c>BOX-SIGNATURE-PRIMARY</c>, the timestamp at most 10 minutes old and not in the future against the real clock)
/// verifies ours. It also requires <c>BOX-SIGNATURE-VERSION: 1</c> and <c>BOX-SIGNATURE-ALGORITHM: HmacSHA256</c>, which
/// Box sends and our signer writes too. No signer.
/// </summary>
public sealed class BoxInteropTests : NpmVerifyInteropTests
{
    protected override string Package => "box";

    protected override string NpmPackage => "box-node-sdk";

    public override WebhookProvider Provider => BoxScheme.Provider;

    protected override string SigningSecret => "InteropBoxPrimaryKey0123456789ab";

    protected override string SignatureHeader => BoxDefaults.PrimarySignatureHeader;

    protected override string Body => """{"type":"webhook_event","id":"evt_interop_1","created_at":"2026-12-04T12:00:00-08:00","trigger":"FILE.UPLOADED","webhook":{"id":"1250","type":"webhook"},"source":{"id":"1250","type":"file","name":"café ✓ — ünïcödé.txt"}}""";

    protected override string? EventType => "FILE.UPLOADED";

    protected override IEnumerable<KeyValuePair<string, string>> UnsignedHeaders(string id) => [new(BoxDefaults.DeliveryIdHeader, id)];
}
