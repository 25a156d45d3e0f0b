using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Discord schemes.</summary>
public static class DiscordBuilderExtensions
{
    /// <summary>Adds a Discord scheme named <c>discord</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddDiscord(this WebhookBuilder builder)
        => builder.AddDiscord(DiscordDefaults.ProviderId);

    /// <summary>Adds a Discord scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddDiscord(this WebhookBuilder builder, string name)
        => builder.AddDiscord(name, configure: null);

    /// <summary>Adds a Discord scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddDiscord(this WebhookBuilder builder, string name, Action<DiscordOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, DiscordScheme.Provider, configure);
    }
}
