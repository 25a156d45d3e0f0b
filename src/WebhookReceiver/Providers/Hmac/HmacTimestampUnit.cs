namespace WebhookReceiver;

/// <summary>The unit of a Unix timestamp read by the generic HMAC scheme.</summary>
public enum HmacTimestampUnit
{
    /// <summary>Seconds since 1970-01-01 UTC (the default).</summary>
    Seconds,

    /// <summary>Milliseconds since 1970-01-01 UTC.</summary>
    Milliseconds,
}
