namespace WebhookReceiver;

/// <summary>Options of a Bitbucket scheme: the webhook's secret in <see cref="WebhookSchemeOptions.Secret"/> (several in <see cref="WebhookSchemeOptions.Secrets"/> during a rotation).</summary>
public sealed class BitbucketOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Bitbucket's defaults.</summary>
    public BitbucketOptions() => Tolerance = BitbucketDefaults.Tolerance;
}
