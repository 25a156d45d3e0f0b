namespace WebhookReceiver;

/// <summary>
/// Options of a Square scheme. <see cref="WebhookSchemeOptions.Secret"/> is the subscription's signature key, used as
/// UTF-8. Square signs the notification URL: behind a proxy set <see cref="WebhookSchemeOptions.PublicBaseUrl"/>.
/// </summary>
public sealed class SquareOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Square's defaults.</summary>
    public SquareOptions() => Tolerance = SquareDefaults.Tolerance;
}
