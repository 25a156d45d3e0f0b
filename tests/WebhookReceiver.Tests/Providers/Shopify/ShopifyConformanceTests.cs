using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.Shopify;

public sealed class ShopifyConformanceTests : ProviderEnvelopeConformanceTests
{
    private const string Secret = "shpss_0123456789abcdef";

    public override WebhookProvider Provider => ShopifyScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "shpss_fedcba9876543210";

    protected override string SignatureHeader => ShopifyDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => """{"id":820982911946154508,"email":"jon@example.com","total_price":"12.50"}""";

    protected override string? EventType => "orders/create";

    protected override IReadOnlyList<string> UnsignedIdHeaders => [ShopifyDefaults.DeliveryIdHeader];

    protected override string? UnsignedEventTypeHeader => ShopifyDefaults.TopicHeader;

    [Fact]
    public void Verify_Base64SignatureComputedIndependently_Succeeds()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var headers = new HeaderDictionary
        {
            [ShopifyDefaults.SignatureHeader] = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)),
        };

        var result = new ShopifyScheme("test", new ShopifyOptions { Secret = Secret }).Verify(new WebhookRequest("POST", null, headers, body), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Fact]
    public async Task EventsDelivery_UnprefixedHeaders_DispatchedByTopicAndDeduplicatedById()
    {
        var topics = new List<string?>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddShopify("shopify", o => o.Secret = Secret),
            app => app.MapWebhook("/webhooks/shopify", "shopify").On<JsonElement>("orders/create", (hook, ct) =>
            {
                topics.Add(hook.EventType);
                return Task.CompletedTask;
            }));
        var body = Encoding.UTF8.GetBytes(Body);
        HttpRequestMessage Request(string signature) => new(HttpMethod.Post, "/webhooks/shopify")
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
            Headers =
            {
                { ShopifyDefaults.EventsSignatureHeader, signature },
                { ShopifyDefaults.EventsTopicHeader, "orders/create" },
                { ShopifyDefaults.EventsDeliveryIdHeader, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043" },
                { "shopify-event-id", "98880550-7158-44d4-b7cd-2c97c8a091b5" },
                { "shopify-triggered-at", "2026-11-27T12:00:00Z" },
                { "shopify-shop-domain", "example.myshopify.com" },
                { "shopify-api-version", "2026-10" },
            },
        };
        var good = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
        var bad = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("other"), body));

        var first = await host.Client.SendAsync(Request(good), TestContext.Current.CancellationToken);
        var again = await host.Client.SendAsync(Request(good), TestContext.Current.CancellationToken);
        var forged = await host.Client.SendAsync(Request(bad), TestContext.Current.CancellationToken);

        Assert.Equal("""{"status":"processed"}""", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("""{"status":"duplicate"}""", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(["orders/create"], topics);
    }
}
