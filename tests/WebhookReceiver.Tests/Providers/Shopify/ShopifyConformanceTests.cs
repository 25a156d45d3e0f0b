using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
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
}
