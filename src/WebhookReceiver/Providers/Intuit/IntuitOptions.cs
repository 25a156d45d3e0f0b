namespace WebhookReceiver;

/// <summary>
/// Options of an Intuit QuickBooks Online scheme. <see cref="WebhookSchemeOptions.Secret"/> is the webhook's verifier
/// token exactly as the Intuit developer portal shows it (used as UTF-8; it is not the OAuth client secret); during a
/// rotation, list the old and the new one.
/// </summary>
public sealed class IntuitOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Intuit's defaults.</summary>
    public IntuitOptions() => Tolerance = IntuitDefaults.Tolerance;
}
