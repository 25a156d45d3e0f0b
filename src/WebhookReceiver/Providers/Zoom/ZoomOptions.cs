namespace WebhookReceiver;

/// <summary>
/// Options of a Zoom scheme. <see cref="WebhookSchemeOptions.Secret"/> is the app's webhook Secret Token (used as UTF-8,
/// both to verify deliveries and to answer <c>endpoint.url_validation</c>). The default tolerance is 5 minutes.
/// </summary>
public sealed class ZoomOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Zoom's defaults.</summary>
    public ZoomOptions() => Tolerance = ZoomDefaults.Tolerance;
}
