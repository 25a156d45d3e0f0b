using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Shopify scheme: <c>X-Shopify-Hmac-SHA256</c>, base64 HMAC-SHA256 of the body. The delivery id is
/// <c>X-Shopify-Webhook-Id</c>, the event type <c>X-Shopify-Topic</c>. Shopify signs no timestamp: replay protection
/// rests on the delivery id.
/// Shopify "Events" deliveries drop the <c>X-</c> prefix (<c>shopify-hmac-sha256</c>, <c>shopify-webhook-id</c>,
/// <c>shopify-topic</c>); both header families are accepted, the prefixed one first.
/// </summary>
public sealed class ShopifyScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures =
        [
            new(ShopifyDefaults.SignatureHeader, "", WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Base64),
            new(ShopifyDefaults.EventsSignatureHeader, "", WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Base64),
        ],
        DeliveryId = HmacValueSource.FromHeaders(ShopifyDefaults.DeliveryIdHeader, ShopifyDefaults.EventsDeliveryIdHeader),
        EventType = HmacValueSource.FromHeaders(ShopifyDefaults.TopicHeader, ShopifyDefaults.EventsTopicHeader),
    };

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public ShopifyScheme(string name, ShopifyOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>shopify</c>).</summary>
    public static WebhookProvider<ShopifyOptions> Provider { get; } = new(
        ShopifyDefaults.ProviderId, "Shopify",
        static (name, options) => new ShopifyScheme(name, options),
        static (section, options) => section.Bind(options));
}
