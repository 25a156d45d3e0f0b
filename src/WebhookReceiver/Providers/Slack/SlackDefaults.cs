namespace WebhookReceiver;

/// <summary>Names and defaults of the Slack scheme.</summary>
public static class SlackDefaults
{
    /// <summary>The provider id and default scheme name: <c>slack</c>.</summary>
    public const string ProviderId = "slack";

    /// <summary>The signature header: <c>v0=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "X-Slack-Signature";

    /// <summary>The signed timestamp header (Unix seconds).</summary>
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>The retry count Slack adds when it resends an Events API event (1, 2, 3), read through <see cref="Webhook.Headers"/>.</summary>
    public const string RetryNumHeader = "X-Slack-Retry-Num";

    /// <summary>Why Slack resent an event (e.g. <c>http_timeout</c>), read through <see cref="Webhook.Headers"/>.</summary>
    public const string RetryReasonHeader = "X-Slack-Retry-Reason";

    /// <summary>The signature version, the prefix of the signed content and of the signature.</summary>
    public const string Version = "v0";

    /// <summary>The event type of the Events API URL handshake, answered by the library with the <c>challenge</c>.</summary>
    public const string UrlVerificationEvent = "url_verification";

    /// <summary>The event type of the Events API envelope whose inner <c>event.type</c> becomes the event type.</summary>
    public const string EventCallbackEvent = "event_callback";

    /// <summary>The event type of a slash-command SSL check (form field <c>ssl_check=1</c>), answered with an empty 200.</summary>
    public const string SslCheckEvent = "ssl_check";

    /// <summary>The default timestamp tolerance: 5 minutes, as Slack's documentation recommends.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
