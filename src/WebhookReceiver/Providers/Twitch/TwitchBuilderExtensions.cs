using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Twitch EventSub schemes.</summary>
public static class TwitchBuilderExtensions
{
    /// <summary>Adds a Twitch EventSub scheme named <c>twitch</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddTwitch(this WebhookBuilder builder)
        => builder.AddTwitch(TwitchDefaults.ProviderId);

    /// <summary>Adds a Twitch EventSub scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddTwitch(this WebhookBuilder builder, string name)
        => builder.AddTwitch(name, configure: null);

    /// <summary>Adds a Twitch EventSub scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddTwitch(this WebhookBuilder builder, string name, Action<TwitchOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, TwitchScheme.Provider, configure);
    }
}
