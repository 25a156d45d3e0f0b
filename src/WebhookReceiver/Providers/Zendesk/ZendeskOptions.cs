namespace WebhookReceiver;

/// <summary>
/// Options of a Zendesk scheme: the webhook's signing secret in <see cref="WebhookSchemeOptions.Secret"/> (several in
/// <see cref="WebhookSchemeOptions.Secrets"/> during a rotation).
/// </summary>
public sealed class ZendeskOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Zendesk's defaults.</summary>
    public ZendeskOptions() => Tolerance = ZendeskDefaults.Tolerance;
}
