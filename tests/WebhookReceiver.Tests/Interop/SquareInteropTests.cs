namespace WebhookReceiver.Tests.Interop;

/// <summary>square (npm): <c>WebhooksHelper.verifySignature</c> (base64 HMAC-SHA256 over <c>{notification URL}{body}</c>) verifies ours; no signer.</summary>
public sealed class SquareInteropTests : NpmVerifyInteropTests
{
    protected override string Package => "square";

    protected override string NpmPackage => "square";

    public override WebhookProvider Provider => SquareScheme.Provider;

    protected override string SigningSecret => "Ibxx_5AKakO-3qeNVR61Dw";

    protected override string SignatureHeader => SquareDefaults.SignatureHeader;

    protected override string Body => """{"merchant_id":"M1","type":"payment.created","event_id":"evt_interop_1","data":{"type":"payment","id":"p1","object":{"amount_money":{"amount":1250},"note":"café ✓"}}}""";

    protected override string? EventType => "payment.created";
}
