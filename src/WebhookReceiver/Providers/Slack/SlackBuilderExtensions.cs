using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Slack schemes.</summary>
public static class SlackBuilderExtensions
{
    /// <summary>Adds a Slack scheme named <c>slack</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddSlack(this WebhookBuilder builder)
        => builder.AddSlack(SlackDefaults.ProviderId);

    /// <summary>Adds a Slack scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddSlack(this WebhookBuilder builder, string name)
        => builder.AddSlack(name, configure: null);

    /// <summary>Adds a Slack scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddSlack(this WebhookBuilder builder, string name, Action<SlackOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, SlackScheme.Provider, configure);
    }
}
