namespace WebhookReceiver.Internal;

/// <summary>How a provider writes its signed timestamp.</summary>
internal enum TimestampFormat
{
    /// <summary>Unix seconds (most providers).</summary>
    UnixSeconds,

    /// <summary>Unix milliseconds (Linear, HubSpot).</summary>
    UnixMilliseconds,

    /// <summary>An RFC 3339 date and time (Twitch).</summary>
    Rfc3339,
}
