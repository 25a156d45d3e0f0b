namespace WebhookReceiver;

/// <summary>Names and defaults of the Twitch EventSub (webhook transport) scheme.</summary>
public static class TwitchDefaults
{
    /// <summary>The provider id and default scheme name: <c>twitch</c>.</summary>
    public const string ProviderId = "twitch";

    /// <summary>The message id header: the delivery id, the same on every resend of a message.</summary>
    public const string MessageIdHeader = "Twitch-Eventsub-Message-Id";

    /// <summary>The signed timestamp header (RFC 3339, nanoseconds).</summary>
    public const string TimestampHeader = "Twitch-Eventsub-Message-Timestamp";

    /// <summary>The signature header: <c>sha256=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "Twitch-Eventsub-Message-Signature";

    /// <summary>The message type header: <c>notification</c>, <c>webhook_callback_verification</c> or <c>revocation</c>.</summary>
    public const string MessageTypeHeader = "Twitch-Eventsub-Message-Type";

    /// <summary>The subscription type header (e.g. <c>channel.follow</c>): the event type of notifications.</summary>
    public const string SubscriptionTypeHeader = "Twitch-Eventsub-Subscription-Type";

    /// <summary>The subscription version header.</summary>
    public const string SubscriptionVersionHeader = "Twitch-Eventsub-Subscription-Version";

    /// <summary>The retry count header, read through <see cref="Webhook.Headers"/>.</summary>
    public const string MessageRetryHeader = "Twitch-Eventsub-Message-Retry";

    /// <summary>The message type of event notifications.</summary>
    public const string NotificationMessage = "notification";

    /// <summary>The message type (and event type) of the subscription challenge, answered by the library.</summary>
    public const string VerificationMessage = "webhook_callback_verification";

    /// <summary>The message type and event type of a revoked subscription; handlers register for <c>revocation</c>.</summary>
    public const string RevocationMessage = "revocation";

    /// <summary>The default timestamp tolerance: 10 minutes, as Twitch's documentation recommends.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(10);
}
