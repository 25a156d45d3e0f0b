using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers GitLab schemes.</summary>
public static class GitLabBuilderExtensions
{
    /// <summary>Adds a GitLab scheme named <c>gitlab</c>.</summary>
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
