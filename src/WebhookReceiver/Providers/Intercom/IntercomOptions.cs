namespace WebhookReceiver;

/// <summary>Options of a Intercom scheme: the app's client secret in <see cref="WebhookSchemeOptions.Secret"/> (several in <see cref="WebhookSchemeOptions.Secrets"/> during a rotation).</summary>
public sealed class IntercomOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Intercom's defaults.</summary>
    public IntercomOptions() => Tolerance = IntercomDefaults.Tolerance;
}
