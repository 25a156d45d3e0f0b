namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// @zoom/rivet: the <c>AwsLambdaReceiver</c>'s handler (<c>@zoom/rivet/meetings</c>; <c>v0=</c> hex HMAC-SHA256 over
/// <c>v0:{x-zm-request-timestamp}:{body}</c>, the body as <c>JSON.stringify</c> writes it back) answers 200 to ours and
/// 400 to a tampered body. No signer.
/// </summary>
public sealed class ZoomInteropTests : NpmVerifyInteropTests
{
    protected override string Package => "zoom";

    protected override string NpmPackage => "@zoom/rivet";

    public override WebhookProvider Provider => ZoomScheme.Provider;

    protected override string SigningSecret => "interopZoomSecretToken0123456789";

    protected override string SignatureHeader => ZoomDefaults.SignatureHeader;

    protected override string Body => """{"event":"meeting.started","event_ts":1764878401250,"payload":{"account_id":"acc_1","object":{"id":"81250","uuid":"u1==","topic":"café ✓ — ünïcödé","duration":1250}}}""";

    protected override string? EventType => "meeting.started";
}
