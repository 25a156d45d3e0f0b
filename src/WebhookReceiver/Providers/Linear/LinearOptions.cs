namespace WebhookReceiver;

/// <summary>Options of a Linear scheme: the webhook's signing secret in <see cref="WebhookSchemeOptions.Secret"/> (several in <see cref="WebhookSchemeOptions.Secrets"/> during a rotation).</summary>
public sealed class LinearOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Linear's defaults.</summary>
    public LinearOptions() => Tolerance = LinearDefaults.Tolerance;
}
