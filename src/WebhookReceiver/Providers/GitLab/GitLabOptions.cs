namespace WebhookReceiver;

/// <summary>
/// Options of a GitLab scheme: the webhook's secret token in <see cref="WebhookSchemeOptions.Secret"/> (several in
/// <see cref="WebhookSchemeOptions.Secrets"/> during a rotation). For GitLab's signing tokens (<c>whsec_…</c>), register
/// the Standard Webhooks scheme instead (<c>AddStandardWebhooks</c>).
/// </summary>
public sealed class GitLabOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with GitLab's defaults.</summary>
    public GitLabOptions() => Tolerance = GitLabDefaults.Tolerance;
}
