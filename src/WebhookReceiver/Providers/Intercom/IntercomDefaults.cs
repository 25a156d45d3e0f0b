namespace WebhookReceiver;

/// <summary>Names and defaults of the Intercom scheme.</summary>
public static class IntercomDefaults
{
    /// <summary>The provider id and default scheme name: <c>intercom</c>.</summary>
    public const string ProviderId = "intercom";

    /// <summary>The signature header: <c>sha1=&lt;hex HMAC-SHA1 of the body&gt;</c>, keyed with the app's client secret.</summary>
    public const string SignatureHeader = "X-Hub-Signature";

    /// <summary>The prefix of <see cref="SignatureHeader"/>.</summary>
    public const string SignaturePrefix = "sha1=";

    /// <summary>The body property holding the notification id (the delivery id), e.g. <c>notif_…</c>.</summary>
    public const string IdProperty = "id";

    /// <summary>The body property holding the topic (the event type), e.g. <c>conversation.user.created</c>.</summary>
    public const string TopicProperty = "topic";

    /// <summary>The topic of Intercom's test notification; acknowledged by the library without a handler.</summary>
    public const string PingTopic = "ping";

    /// <summary>The tolerance: Intercom signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
