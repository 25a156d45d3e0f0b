using System.Security.Cryptography;

namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// @sendgrid/eventwebhook: <c>EventWebhook.verifySignature</c> (base64 DER ECDSA P-256/SHA-256 over <c>{timestamp}{body}</c>,
/// the verification key as SendGrid shows it) verifies ours. The package has no signer: the deliveries sent to our receiver
/// are signed by node's own ECDSA with the same PKCS#8 key (ECDSA is randomized, so signatures are compared by verifying).
/// </summary>
public sealed class SendGridInteropTests : NpmInteropTests
{
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    protected override string Package => "sendgrid";

    protected override string NpmPackage => "@sendgrid/eventwebhook";

    public override WebhookProvider Provider => SendGridScheme.Provider;

    protected override string SigningSecret => Convert.ToBase64String(Key.ExportPkcs8PrivateKey());

    protected override string VerifyingSecret => Convert.ToBase64String(Key.ExportSubjectPublicKeyInfo());

    protected override string? SdkPublicKey => VerifyingSecret;

    protected override string SignatureHeader => SendGridDefaults.SignatureHeader;

    protected override bool DeterministicSignature => false;

    protected override string Body => """[{"email":"a@example.com","timestamp":1700001250,"event":"delivered","sg_event_id":"sg-1001","sg_message_id":"m1","note":"café ✓"}]""";

    protected override string? EventType => "delivered";

    protected override string? ExpectedDeliveryId(string id) => "sg-1001";
}
