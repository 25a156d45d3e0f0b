using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Mux schemes.</summary>
public static class MuxBuilderExtensions
{
    /// <summary>Adds a Mux scheme named <c>mux</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddMux(this WebhookBuilder builder)
        => builder.AddMux(MuxDefaults.ProviderId);

    /// <summary>Adds a Mux scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddMux(this WebhookBuilder builder, string name)
        => builder.AddMux(name, configure: null);

    /// <summary>Adds a Mux scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddMux(this WebhookBuilder builder, string name, Action<MuxOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, MuxScheme.Provider, configure);
    }
}
