namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// @mux/mux-node: <c>webhooks.verifySignature</c> (hex HMAC-SHA256 over <c>{t}.{body}</c> in <c>Mux-Signature: t=…,v1=…</c>,
/// 5 minutes against the real clock) verifies ours. Its signer (<c>computeSignature</c>) is private.
/// </summary>
public sealed class MuxInteropTests : NpmVerifyInteropTests
{
    protected override string Package => "mux";

    protected override string NpmPackage => "@mux/mux-node";

    public override WebhookProvider Provider => MuxScheme.Provider;

    protected override string SigningSecret => "interop-mux-webhook-signing-secret-7c1d";

    protected override string SignatureHeader => MuxDefaults.SignatureHeader;
}
