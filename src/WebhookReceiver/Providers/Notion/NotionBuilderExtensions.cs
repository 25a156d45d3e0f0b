using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Notion schemes.</summary>
public static class NotionBuilderExtensions
{
    /// <summary>Adds a Notion scheme named <c>notion</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddNotion(this WebhookBuilder builder)
        => builder.AddNotion(NotionDefaults.ProviderId);

    /// <summary>Adds a Notion scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddNotion(this WebhookBuilder builder, string name)
        => builder.AddNotion(name, configure: null);

    /// <summary>Adds a Notion scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddNotion(this WebhookBuilder builder, string name, Action<NotionOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, NotionScheme.Provider, configure);
    }
}
