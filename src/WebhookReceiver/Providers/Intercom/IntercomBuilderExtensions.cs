using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Intercom schemes.</summary>
public static class IntercomBuilderExtensions
{
    /// <summary>Adds a Intercom scheme named <c>intercom</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddIntercom(this WebhookBuilder builder)
        => builder.AddIntercom(IntercomDefaults.ProviderId);

    /// <summary>Adds a Intercom scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddIntercom(this WebhookBuilder builder, string name)
        => builder.AddIntercom(name, configure: null);

    /// <summary>Adds a Intercom scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddIntercom(this WebhookBuilder builder, string name, Action<IntercomOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, IntercomScheme.Provider, configure);
    }
}
