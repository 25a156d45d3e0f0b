namespace WebhookReceiver;

/// <summary>Names and defaults of the Meta scheme (Facebook, Instagram, WhatsApp and Messenger webhooks).</summary>
public static class MetaDefaults
{
    /// <summary>The provider id and default scheme name: <c>meta</c>.</summary>
    public const string ProviderId = "meta";

    /// <summary>The signature header: <c>sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>, keyed with the app secret.</summary>
    public const string SignatureHeader = "X-Hub-Signature-256";

    /// <summary>The prefix of <see cref="SignatureHeader"/>.</summary>
    public const string SignaturePrefix = "sha256=";

    /// <summary>The body property holding the event type: the object the change is about, e.g. <c>page</c> or <c>whatsapp_business_account</c>.</summary>
    public const string ObjectProperty = "object";

    /// <summary>The query parameter of the GET subscription handshake holding the mode, <see cref="SubscribeMode"/>.</summary>
    public const string ModeParameter = "hub.mode";

    /// <summary>The query parameter of the GET subscription handshake holding the verify token.</summary>
    public const string VerifyTokenParameter = "hub.verify_token";

    /// <summary>The query parameter of the GET subscription handshake holding the challenge to echo.</summary>
    public const string ChallengeParameter = "hub.challenge";

    /// <summary>The only handshake mode: <c>subscribe</c>.</summary>
    public const string SubscribeMode = "subscribe";

    /// <summary>The longest challenge echoed back (Meta sends a short number): 1024 characters.</summary>
    public const int MaxChallengeLength = 1024;

    /// <summary>The tolerance: Meta signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
