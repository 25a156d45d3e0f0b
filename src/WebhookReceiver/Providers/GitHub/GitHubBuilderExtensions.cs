using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers GitHub schemes.</summary>
public static class GitHubBuilderExtensions
{
    /// <summary>Adds a GitHub scheme named <c>github</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddGitHub(this WebhookBuilder builder)
        => builder.AddGitHub(GitHubDefaults.ProviderId);

    /// <summary>Adds a GitHub scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddGitHub(this WebhookBuilder builder, string name)
        => builder.AddGitHub(name, configure: null);

    /// <summary>Adds a GitHub scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddGitHub(this WebhookBuilder builder, string name, Action<GitHubOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, GitHubScheme.Provider, configure);
    }
}
