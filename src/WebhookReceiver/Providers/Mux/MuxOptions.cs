namespace WebhookReceiver;

/// <summary>
/// Options of a Mux scheme. <see cref="WebhookSchemeOptions.Secret"/> is the webhook's signing secret exactly as the
/// Mux dashboard shows it (used as UTF-8); during a rotation, list the old and the new one. The default tolerance is
/// 300 seconds.
/// </summary>
public sealed class MuxOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Mux's defaults.</summary>
    public MuxOptions() => Tolerance = MuxDefaults.Tolerance;
}
