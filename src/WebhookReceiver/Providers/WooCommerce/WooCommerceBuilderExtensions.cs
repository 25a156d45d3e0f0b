using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers WooCommerce schemes.</summary>
public static class WooCommerceBuilderExtensions
{
    /// <summary>Adds a WooCommerce scheme named <c>woocommerce</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddWooCommerce(this WebhookBuilder builder)
        => builder.AddWooCommerce(WooCommerceDefaults.ProviderId);

    /// <summary>Adds a WooCommerce scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddWooCommerce(this WebhookBuilder builder, string name)
        => builder.AddWooCommerce(name, configure: null);

    /// <summary>Adds a WooCommerce scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddWooCommerce(this WebhookBuilder builder, string name, Action<WooCommerceOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, WooCommerceScheme.Provider, configure);
    }
}
