using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Asana schemes.</summary>
public static class AsanaBuilderExtensions
{
    /// <summary>Adds an Asana scheme named <c>asana</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddAsana(this WebhookBuilder builder)
        => builder.AddAsana(AsanaDefaults.ProviderId);

    /// <summary>Adds an Asana scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddAsana(this WebhookBuilder builder, string name)
        => builder.AddAsana(name, configure: null);

    /// <summary>Adds an Asana scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddAsana(this WebhookBuilder builder, string name, Action<AsanaOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, AsanaScheme.Provider, configure);
    }
}
