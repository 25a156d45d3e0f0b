namespace WebhookReceiver;

/// <summary>Names and defaults of the Asana scheme.</summary>
public static class AsanaDefaults
{
    /// <summary>The provider id and default scheme name: <c>asana</c>.</summary>
    public const string ProviderId = "asana";

    /// <summary>The signature header: hex HMAC-SHA256 of the body, keyed with the webhook's secret.</summary>
    public const string SignatureHeader = "X-Hook-Signature";

    /// <summary>The header of the handshake that carries the webhook's secret, echoed in the answer under the same name.</summary>
    public const string SecretHeader = "X-Hook-Secret";

    /// <summary>The longest <see cref="SecretHeader"/> echoed back: 256 characters (Asana's secrets are 64 hex digits).</summary>
    public const int MaxSecretLength = 256;

    /// <summary>The tolerance: Asana signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
