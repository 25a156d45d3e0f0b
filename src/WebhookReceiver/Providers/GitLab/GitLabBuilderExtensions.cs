using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers GitLab secret-token schemes (<c>X-Gitlab-Token</c>). For GitLab signing tokens use AddStandardWebhooks:
/// GitLab's signed webhooks follow Standard Webhooks (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>).
/// </summary>
public static class GitLabBuilderExtensions
{
    /// <summary>Adds a GitLab secret-token scheme named <c>gitlab</c>. For GitLab signing tokens use <c>AddStandardWebhooks</c> instead.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddGitLab(this WebhookBuilder builder)
        => builder.AddGitLab(GitLabDefaults.ProviderId);

    /// <summary>Adds a GitLab scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddGitLab(this WebhookBuilder builder, string name)
        => builder.AddGitLab(name, configure: null);

    /// <summary>Adds a GitLab scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddGitLab(this WebhookBuilder builder, string name, Action<GitLabOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, GitLabScheme.Provider, configure);
    }
}
