namespace WebhookReceiver;

/// <summary>
/// Options of a HubSpot scheme. <see cref="WebhookSchemeOptions.Secret"/> is the app's client secret, used as UTF-8.
/// HubSpot signs the URL it calls: behind a proxy set <see cref="WebhookSchemeOptions.PublicBaseUrl"/>.
/// </summary>
public sealed class HubSpotOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with HubSpot's defaults.</summary>
    public HubSpotOptions() => Tolerance = HubSpotDefaults.Tolerance;

    /// <summary>
    /// Gets or sets a value indicating whether a delivery carrying an array of events is handled event by event: each
    /// is dispatched by its <c>subscriptionType</c> and claimed by its <c>eventId</c>. When <see langword="false"/>, the
    /// array goes to one handler as a whole. The default is <see langword="true"/>.
    /// </summary>
    public bool SplitBatch { get; set; } = true;
}
