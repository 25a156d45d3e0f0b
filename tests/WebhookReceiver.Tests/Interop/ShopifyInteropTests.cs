namespace WebhookReceiver.Tests.Interop;

/// <summary>What Shopify sends beside the signature, which @shopify/shopify-api's <c>webhooks.validate</c> requires.</summary>
public static class ShopifyInterop
{
    public const string Secret = "shpss_interop_0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public const string Topic = "orders/create";
    public const string ShopDomain = "interop-shop.myshopify.com";
    public const string ApiVersion = "2025-10";

    public static IEnumerable<KeyValuePair<string, string>> WebhooksHeaders(string id) =>
    [
        new(ShopifyDefaults.TopicHeader, Topic),
        new(ShopifyDefaults.DeliveryIdHeader, id),
        new("X-Shopify-Shop-Domain", ShopDomain),
        new("X-Shopify-API-Version", ApiVersion),
        new("X-Shopify-Triggered-At", "2026-12-04T12:00:00.000000000Z"),
    ];

    public static IEnumerable<KeyValuePair<string, string>> EventsHeaders(string id) =>
    [
        new(ShopifyDefaults.EventsTopicHeader, Topic),
        new(ShopifyDefaults.EventsDeliveryIdHeader, id),
        new("shopify-shop-domain", ShopDomain),
        new("shopify-api-version", ApiVersion),
        new("shopify-event-id", "evt-" + id),
        new("shopify-triggered-at", "2026-12-04T12:00:00.000000000Z"),
    ];
}

/// <summary>
/// @shopify/shopify-api, X-Shopify-* headers: <c>webhooks.validate</c> verifies ours; the package's test helper
/// <c>getHmac</c> (<c>@shopify/shopify-api/test-helpers</c>) signs.
/// </summary>
public sealed class ShopifyInteropTests : NpmInteropTests
{
    protected override string Package => "shopify";

    protected override string NpmPackage => "@shopify/shopify-api";

    public override WebhookProvider Provider => ShopifyScheme.Provider;

    protected override string SigningSecret => ShopifyInterop.Secret;

    protected override string SignatureHeader => ShopifyDefaults.SignatureHeader;

    protected override string? EventType => ShopifyInterop.Topic;

    protected override string? ExpectedDeliveryId(string id) => id;

    protected override IEnumerable<KeyValuePair<string, string>> UnsignedHeaders(string id) => ShopifyInterop.WebhooksHeaders(id);
}

/// <summary>
/// @shopify/shopify-api, the prefix-less headers of Shopify "Events" deliveries (<c>shopify-hmac-sha256</c>,
/// <c>shopify-topic</c>, <c>shopify-webhook-id</c>, …): <c>getHmac</c> signs deliveries for our receiver, and
/// <c>webhooks.validate</c> takes our signature under our Events header names as an Events delivery.
/// </summary>
public sealed class ShopifyEventsInteropTests : NpmSignInteropTests
{
    protected override string Package => "shopify-events";

    protected override string NpmPackage => "@shopify/shopify-api";

    public override WebhookProvider Provider => ShopifyScheme.Provider;

    protected override string SigningSecret => ShopifyInterop.Secret;

    protected override string SignatureHeader => ShopifyDefaults.EventsSignatureHeader;

    protected override string? EventType => ShopifyInterop.Topic;

    protected override string? ExpectedDeliveryId(string id) => id;

    protected override IEnumerable<KeyValuePair<string, string>> UnsignedHeaders(string id) => ShopifyInterop.EventsHeaders(id);

    /// <summary>Our signed request with its Shopify headers renamed to our Events header names.</summary>
    private WebhookSignedRequest SignOursAsEvents(DateTimeOffset now)
    {
        var signed = SignOurs(now);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [ShopifyDefaults.SignatureHeader] = ShopifyDefaults.EventsSignatureHeader,
            [ShopifyDefaults.DeliveryIdHeader] = ShopifyDefaults.EventsDeliveryIdHeader,
            [ShopifyDefaults.TopicHeader] = ShopifyDefaults.EventsTopicHeader,
        };
        Assert.All(signed.Headers, h => Assert.True(names.ContainsKey(h.Key), $"unexpected header {h.Key} from our Shopify signer"));
        return signed with { Headers = [.. signed.Headers.Select(h => new KeyValuePair<string, string>(names[h.Key], h.Value))] };
    }

    [Fact]
    public async Task OurSignatureInTheEventsHeaders_TheSdkAcceptsAsAnEventsDelivery()
    {
        NodeInterop.RequirePackage(NpmPackage);
        var now = TimeProvider.System.GetUtcNow();

        var verdict = await VerifyWithSdkAsync(SignOursAsEvents(now), now);

        Assert.True(verdict.Valid, $"{NpmPackage} rejected our signature in the Events headers: {verdict.Reason}");
    }

    [Fact]
    public async Task OurSignatureInTheEventsHeadersOverATamperedBody_TheSdkRejects()
    {
        NodeInterop.RequirePackage(NpmPackage);
        var now = TimeProvider.System.GetUtcNow();

        var verdict = await VerifyWithSdkAsync(SignOursAsEvents(now), now, Tamper(Body));

        Assert.False(verdict.Valid, $"{NpmPackage} accepted a tampered body: the test cannot fail");
    }
}
