using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Shopify schemes.</summary>
public static class ShopifyBuilderExtensions
{
    /// <summary>Adds a Shopify scheme named <c>shopify</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddShopify(this WebhookBuilder builder)
        => builder.AddShopify(ShopifyDefaults.ProviderId);

    /// <summary>Adds a Shopify scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddShopify(this WebhookBuilder builder, string name)
        => builder.AddShopify(name, configure: null);

    /// <summary>Adds a Shopify scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddShopify(this WebhookBuilder builder, string name, Action<ShopifyOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, ShopifyScheme.Provider, configure);
    }
}
