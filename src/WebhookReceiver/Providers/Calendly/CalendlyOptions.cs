namespace WebhookReceiver;

/// <summary>
/// Options of a Calendly scheme. <see cref="WebhookSchemeOptions.Secret"/> is the webhook signing key (the one chosen
/// when creating the subscription, or the OAuth application's), used as UTF-8. The default tolerance is 3 minutes.
/// </summary>
public sealed class CalendlyOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Calendly's defaults.</summary>
    public CalendlyOptions() => Tolerance = CalendlyDefaults.Tolerance;
}
