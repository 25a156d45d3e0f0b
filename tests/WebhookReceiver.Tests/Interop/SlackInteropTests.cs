namespace WebhookReceiver.Tests.Interop;

/// <summary>@slack/bolt: <c>verifySlackRequest</c> (v0= HMAC-SHA256 over <c>v0:{timestamp}:{body}</c>) verifies ours; Bolt has no signer.</summary>
public sealed class SlackInteropTests : NpmVerifyInteropTests
{
    protected override string Package => "slack";

    protected override string NpmPackage => "@slack/bolt";

    public override WebhookProvider Provider => SlackScheme.Provider;

    protected override string SigningSecret => "8f742231b10e8888abcd99yyyzzz85a5";

    protected override string SignatureHeader => SlackDefaults.SignatureHeader;

    protected override string Body => """{"token":"t","team_id":"T061EG9RZ","api_app_id":"A0FFV41KK","event":{"type":"app_mention","user":"U061F7AUR","text":"café ✓ 1250","channel":"C0LAN2Q65"},"type":"event_callback","event_id":"Ev0LAN670R","event_time":1515449522}""";

    protected override string? EventType => "app_mention";
}
