using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Meta schemes.</summary>
public static class MetaBuilderExtensions
{
    /// <summary>Adds a Meta scheme named <c>meta</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddMeta(this WebhookBuilder builder)
        => builder.AddMeta(MetaDefaults.ProviderId);

    /// <summary>Adds a Meta scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddMeta(this WebhookBuilder builder, string name)
        => builder.AddMeta(name, configure: null);

    /// <summary>Adds a Meta scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddMeta(this WebhookBuilder builder, string name, Action<MetaOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, MetaScheme.Provider, configure);
    }
}
