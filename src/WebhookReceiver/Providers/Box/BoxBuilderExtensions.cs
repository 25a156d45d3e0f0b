using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Box schemes.</summary>
public static class BoxBuilderExtensions
{
    /// <summary>Adds a Box scheme named <c>box</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddBox(this WebhookBuilder builder)
        => builder.AddBox(BoxDefaults.ProviderId);

    /// <summary>Adds a Box scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddBox(this WebhookBuilder builder, string name)
        => builder.AddBox(name, configure: null);

    /// <summary>Adds a Box scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddBox(this WebhookBuilder builder, string name, Action<BoxOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, BoxScheme.Provider, configure);
    }
}
