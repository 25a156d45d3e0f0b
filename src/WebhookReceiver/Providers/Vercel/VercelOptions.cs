namespace WebhookReceiver;

/// <summary>Options of a Vercel scheme: the webhook's secret (or the integration's client secret) in <see cref="WebhookSchemeOptions.Secret"/> (several in <see cref="WebhookSchemeOptions.Secrets"/> during a rotation).</summary>
public sealed class VercelOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Vercel's defaults.</summary>
    public VercelOptions() => Tolerance = VercelDefaults.Tolerance;
}
