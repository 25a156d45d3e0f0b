using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Adyen schemes.</summary>
public static class AdyenBuilderExtensions
{
    /// <summary>Adds a Adyen scheme named <c>adyen</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddAdyen(this WebhookBuilder builder)
        => builder.AddAdyen(AdyenDefaults.ProviderId);

    /// <summary>Adds a Adyen scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddAdyen(this WebhookBuilder builder, string name)
        => builder.AddAdyen(name, configure: null);

    /// <summary>Adds a Adyen scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddAdyen(this WebhookBuilder builder, string name, Action<AdyenOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, AdyenScheme.Provider, configure);
    }
}
