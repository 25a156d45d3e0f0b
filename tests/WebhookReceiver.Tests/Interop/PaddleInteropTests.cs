namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// @paddle/paddle-node-sdk: <c>webhooks.isSignatureValid</c> (<c>ts=;h1=</c>, HMAC-SHA256 over <c>{ts}:{body}</c>, within 5 s of
/// the real clock) verifies ours; the SDK has no signer.
/// </summary>
public sealed class PaddleInteropTests : NpmVerifyInteropTests
{
    protected override string Package => "paddle";

    protected override string NpmPackage => "@paddle/paddle-node-sdk";

    public override WebhookProvider Provider => PaddleScheme.Provider;

    protected override string SigningSecret => "pdl_ntfset_01hsdn8d43dt7mezr1ef2jtbaw_interopSecretKey0123456";

    protected override string SignatureHeader => PaddleDefaults.SignatureHeader;

    protected override string Body => """{"event_id":"evt_01h","event_type":"transaction.completed","occurred_at":"2026-11-27T12:00:00.000000Z","notification_id":"ntf_01h","data":{"id":"txn_01h","total":"1250","note":"café ✓"}}""";

    protected override string? EventType => "transaction.completed";
}
