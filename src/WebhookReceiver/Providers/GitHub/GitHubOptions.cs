namespace WebhookReceiver;

/// <summary>Options of a GitHub scheme: the webhook secret in <see cref="WebhookSchemeOptions.Secret"/>.</summary>
public sealed class GitHubOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with GitHub's defaults.</summary>
    public GitHubOptions() => Tolerance = GitHubDefaults.Tolerance;

    /// <summary>
    /// Gets or sets a value indicating whether deliveries carrying only the legacy <c>X-Hub-Signature</c> (HMAC-SHA1)
    /// are accepted. Only for old GitHub Enterprise Server versions; <c>X-Hub-Signature-256</c> is always preferred.
    /// The default is <see langword="false"/>.
    /// </summary>
    public bool AllowLegacySha1 { get; set; }
}
