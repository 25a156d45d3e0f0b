using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Zoom schemes.</summary>
public static class ZoomBuilderExtensions
{
    /// <summary>Adds a Zoom scheme named <c>zoom</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddZoom(this WebhookBuilder builder)
        => builder.AddZoom(ZoomDefaults.ProviderId);

    /// <summary>Adds a Zoom scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddZoom(this WebhookBuilder builder, string name)
        => builder.AddZoom(name, configure: null);

    /// <summary>Adds a Zoom scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddZoom(this WebhookBuilder builder, string name, Action<ZoomOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, ZoomScheme.Provider, configure);
    }
}
