namespace WebhookReceiver;

/// <summary>
/// Options of a Paddle scheme. <see cref="WebhookSchemeOptions.Secret"/> is the notification destination's secret key
/// (<c>pdl_ntfset_…</c>, used as UTF-8). The default tolerance is 5 seconds, as Paddle's SDKs enforce.
/// </summary>
public sealed class PaddleOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Paddle's defaults.</summary>
    public PaddleOptions() => Tolerance = PaddleDefaults.Tolerance;
}
