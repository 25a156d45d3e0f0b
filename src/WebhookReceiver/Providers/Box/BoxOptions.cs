namespace WebhookReceiver;

/// <summary>
/// Options of a Box scheme: the application's signature keys from the developer console (Webhooks, Manage signature
/// keys). List both the primary and the secondary key in <see cref="WebhookSchemeOptions.Secrets"/>: either signature
/// matching either key passes, so regenerating one key at a time never rejects a delivery. The default tolerance is
/// 10 minutes.
/// </summary>
public sealed class BoxOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Box's defaults.</summary>
    public BoxOptions() => Tolerance = BoxDefaults.Tolerance;
}
