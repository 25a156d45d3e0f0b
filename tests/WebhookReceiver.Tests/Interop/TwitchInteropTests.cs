namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// @twurple/eventsub-http, the most-used Twitch EventSub library (Twitch publishes no npm package): the
/// <c>EventSubMiddleware</c>'s <c>_verifyData</c>, which its request handler calls (hex HMAC-SHA256 over
/// <c>{message id}{timestamp}{body}</c> in <c>Twitch-Eventsub-Message-Signature: sha256=…</c>), verifies ours. No signer.
/// </summary>
public sealed class TwitchInteropTests : NpmVerifyInteropTests
{
    protected override string Package => "twitch";

    protected override string NpmPackage => "@twurple/eventsub-http";

    public override WebhookProvider Provider => TwitchScheme.Provider;

    /// <summary>Twitch takes a secret of 10 to 100 characters (so does twurple).</summary>
    protected override string SigningSecret => "interop-twitch-eventsub-secret-4b3a29";

    protected override string SignatureHeader => TwitchDefaults.SignatureHeader;

    protected override string Body => """{"subscription":{"id":"f1c2a387-161a-49f9-a165-0f21d7a4e1c4","type":"channel.follow","version":"2","status":"enabled","cost":0,"condition":{"broadcaster_user_id":"1250","moderator_user_id":"1250"},"transport":{"method":"webhook","callback":"http://localhost/webhooks/interop"},"created_at":"2026-12-04T12:00:00.000000000Z"},"event":{"user_id":"8125","user_login":"interop","user_name":"café ✓ — ünïcödé","broadcaster_user_id":"1250","broadcaster_user_login":"caster","broadcaster_user_name":"Caster","followed_at":"2026-12-04T12:00:01.000000000Z"}}""";

    protected override string? EventType => "channel.follow";
}
