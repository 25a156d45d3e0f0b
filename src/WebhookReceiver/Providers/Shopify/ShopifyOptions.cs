namespace WebhookReceiver;

/// <summary>Options of a Shopify scheme: the app's client secret (or the webhook signing secret shown in the Shopify admin) in <see cref="WebhookSchemeOptions.Secret"/> (several in <see cref="WebhookSchemeOptions.Secrets"/> during a rotation).</summary>
public sealed class ShopifyOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Shopify's defaults.</summary>
    public ShopifyOptions() => Tolerance = ShopifyDefaults.Tolerance;
}
