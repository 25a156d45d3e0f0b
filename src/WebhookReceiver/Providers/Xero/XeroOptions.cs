namespace WebhookReceiver;

/// <summary>
/// Options of a Xero scheme. <see cref="WebhookSchemeOptions.Secret"/> is the webhook key exactly as the Xero developer
/// portal shows it on the app's Webhooks page (used as UTF-8 text, not base64-decoded); during a rotation, list the old
/// and the new key in <see cref="WebhookSchemeOptions.Secrets"/>.
/// </summary>
public sealed class XeroOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Xero's defaults.</summary>
    public XeroOptions() => Tolerance = XeroDefaults.Tolerance;
}
