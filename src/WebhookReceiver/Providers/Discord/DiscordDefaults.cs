namespace WebhookReceiver;

/// <summary>Names and defaults of the Discord interactions scheme.</summary>
public static class DiscordDefaults
{
    /// <summary>The provider id and default scheme name: <c>discord</c>.</summary>
    public const string ProviderId = "discord";

    /// <summary>The signature header: hex Ed25519 signature over <c>{timestamp}{body}</c>.</summary>
    public const string SignatureHeader = "X-Signature-Ed25519";

    /// <summary>The timestamp header (Unix seconds).</summary>
    public const string TimestampHeader = "X-Signature-Timestamp";

    /// <summary>The event type of a PING interaction (<c>type</c> 1), answered <c>{"type":1}</c>.</summary>
    public const string PingType = "1";

    /// <summary>The default timestamp tolerance: 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
