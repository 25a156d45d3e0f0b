namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// @linear/sdk: <c>LinearWebhookClient.parseData</c> (<c>@linear/sdk/webhooks</c>; hex HMAC-SHA256 of the body in
/// <c>Linear-Signature</c>, the body's <c>webhookTimestamp</c> within 60 s of the real clock) verifies ours, with the
/// <c>webhookTimestamp</c> our signer writes into the body. No signer.
/// </summary>
public sealed class LinearInteropTests : NpmVerifyInteropTests
{
    protected override string Package => "linear";

    protected override string NpmPackage => "@linear/sdk";

    public override WebhookProvider Provider => LinearScheme.Provider;

    protected override string SigningSecret => "lin_wh_interop_5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b";

    protected override string SignatureHeader => LinearDefaults.SignatureHeader;

    protected override string Body => """{"action":"create","type":"Issue","data":{"id":"iss_1","title":"café ✓ — ünïcödé","estimate":1250},"url":"https://linear.app/interop/issue/INT-1","organizationId":"org_1"}""";

    protected override string? EventType => "Issue";
}
