using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.WooCommerce;

public sealed class WooCommerceConformanceTests : ProviderEnvelopeConformanceTests
{
    /// <summary>A secret of the shape WooCommerce generates (50 characters with punctuation), used as UTF-8 text.</summary>
    private const string Secret = "c&Yb5#rT!x)Q8s@vM2^kW*p(L9z_N-e[R]d{F}h<J>g~A`u+3";

    private const string Order = """{"id":727,"parent_id":0,"status":"processing","currency":"USD","version":"9.4.2","date_created":"2026-11-27T12:00:00","date_modified":"2026-11-27T12:00:00","total":"29.35","customer_id":0,"billing":{"first_name":"John","last_name":"Doe","email":"john.doe@example.com"},"line_items":[{"id":315,"name":"Woo Single #1","product_id":93,"quantity":2,"total":"6.00"}]}""";

    public override WebhookProvider Provider => WooCommerceScheme.Provider;

    protected override string SigningSecret => Secret;

    protected override string OtherSigningSecret => "zQ2!mW7#kP4^rT9&xV1*nB6(cL3)hJ8_sD5-fG0[aE]yU{iO}";

    protected override string SignatureHeader => WooCommerceDefaults.SignatureHeader;

    protected override bool SignsTimestamp => false;

    protected override string Body => Order;

    protected override string? EventType => "order.created";

    protected override IReadOnlyList<string> UnsignedIdHeaders => [WooCommerceDefaults.DeliveryIdHeader, WooCommerceDefaults.WebhookIdHeader];

    protected override string? UnsignedEventTypeHeader => WooCommerceDefaults.TopicHeader;

    private static string Signature(string secret, string body)
        => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>A delivery as WooCommerce sends it: every header it adds, the signature computed here.</summary>
    private static HeaderDictionary Headers(string body, string topic = "order.created", string? signature = null) => new()
    {
        ["Content-Type"] = "application/json",
        ["User-Agent"] = "WooCommerce/9.4.2 Hookshot (WordPress/6.7.1)",
        [WooCommerceDefaults.SourceHeader] = "https://shop.example.com/",
        [WooCommerceDefaults.TopicHeader] = topic,
        [WooCommerceDefaults.ResourceHeader] = topic.Split('.')[0],
        [WooCommerceDefaults.EventHeader] = topic[(topic.IndexOf('.', StringComparison.Ordinal) + 1)..],
        [WooCommerceDefaults.SignatureHeader] = signature ?? Signature(Secret, body),
        [WooCommerceDefaults.WebhookIdHeader] = "12",
        [WooCommerceDefaults.DeliveryIdHeader] = "9c5fa1f2d0e0d6f0e7a4b2f5e1d3c8a6",
    };

    private static HttpRequestMessage Ping(string body = "webhook_id=12")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", "WooCommerce/9.4.2 Hookshot (WordPress/6.7.1)");
        return request;
    }

    [Fact]
    public void Verify_Base64SignatureComputedIndependently_ReadsTopicAndDeliveryIdAsLabels()
    {
        var result = CreateScheme(Secret).Verify(new WebhookRequest("POST", null, Headers(Order), Encoding.UTF8.GetBytes(Order)), WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        var e = result.Delivery!.Whole;
        Assert.Equal(WebhookValue.FromLabel("order.created"), e.EventType);
        Assert.Equal(WebhookValue.FromLabel("9c5fa1f2d0e0d6f0e7a4b2f5e1d3c8a6"), e.Id);
        Assert.Equal(WebhookReplayKeys.ForSignedContent(Encoding.UTF8.GetBytes(Order)), e.ReplayKey);
        Assert.Null(result.Delivery.Timestamp);
    }

    [Fact]
    public void Sign_WritesTheIndependentlyComputedSignature()
    {
        Assert.Equal(Signature(Secret, Order), HeaderOf(Sign(Secret, WebhookTestHost.Start, Order), WooCommerceDefaults.SignatureHeader));
    }

    [Fact]
    public void Verify_HexSignature_Fails()
    {
        var hex = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(Order)));

        var result = CreateScheme(Secret).Verify(new WebhookRequest("POST", null, Headers(Order, signature: hex), Encoding.UTF8.GetBytes(Order)),
            WebhookTestHost.Start);

        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("""{"action":"woocommerce_add_to_cart","arg":"a5bfc9e07964f8dddeb95fc584cd965d"}""", "action.woocommerce_add_to_cart")]
    [InlineData("""{"arg":42,"action":"woocommerce_payment_complete"}""", "action.woocommerce_payment_complete")]
    public void ReadDelivery_ActionTopic_TakesItsEventTypeFromTheSignedBody(string body, string type)
    {
        // The topic header says something else: the signed body wins.
        var result = CreateScheme(Secret).Verify(new WebhookRequest("POST", null, Headers(body, "order.created"), Encoding.UTF8.GetBytes(body)),
            WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(WebhookValue.FromSigned(type), result.Delivery!.Whole.EventType);
    }

    [Theory]
    [InlineData("""{"id":727}""")]
    [InlineData("""{"action":"woocommerce_add_to_cart"}""")]
    [InlineData("""{"action":"woocommerce_add_to_cart","arg":1,"id":2}""")]
    [InlineData("""{"action":7,"arg":1}""")]
    [InlineData("""{"action":"","arg":1}""")]
    [InlineData("""[{"action":"a","arg":1}]""")]
    [InlineData("""not json""")]
    public void ReadDelivery_OtherBodies_KeepTheTopicLabel(string body)
    {
        var result = CreateScheme(Secret).Verify(new WebhookRequest("POST", null, Headers(body, "order.deleted"), Encoding.UTF8.GetBytes(body)),
            WebhookTestHost.Start);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(WebhookValue.FromLabel("order.deleted"), result.Delivery!.Whole.EventType);
    }

    [Fact]
    public async Task Pipeline_Ping_IsAnswered200WithoutHandlerOrClaim()
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });

        var first = await host.Client.SendAsync(Ping(), TestContext.Current.CancellationToken);
        var again = await host.Client.SendAsync(Ping(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("""{"status":"pong"}""", await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, runs);
        Assert.Equal(0, ((WebhookReceiver.Replay.InMemoryNonceStore)host.Services.GetRequiredService<IWebhookNonceStore>()).Count);
    }

    [Theory]
    [InlineData("webhook_id=")]
    [InlineData("webhook_id=12&x=1")]
    [InlineData("webhook_id=-1")]
    [InlineData("webhook_id=123456789012345678901")]
    [InlineData("webhook_id=12 ")]
    [InlineData("webhook_id=１２")]
    [InlineData("""{"webhook_id":12}""")]
    [InlineData("")]
    public async Task Pipeline_UnsignedBodyThatIsNotThePing_Is401(string body)
    {
        var runs = 0;
        await using var host = await StartHostAsync((hook, ct) =>
        {
            runs++;
            return Task.CompletedTask;
        });

        var response = await host.Client.SendAsync(Ping(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, runs);
    }

    [Fact]
    public void AnswerUnsigned_PingWithASignatureHeader_IsNotAPing()
    {
        // A request that carries a signature is a delivery: one that failed verification is refused, never ponged.
        var headers = new HeaderDictionary { [WooCommerceDefaults.SignatureHeader] = "AAAA" };
        var scheme = (WooCommerceScheme)CreateScheme(Secret);

        Assert.Null(scheme.AnswerUnsigned(new WebhookRequest("POST", null, headers, "webhook_id=12"u8.ToArray())));
        Assert.NotNull(scheme.AnswerUnsigned(new WebhookRequest("POST", null, new HeaderDictionary(), "webhook_id=12"u8.ToArray())));
    }

    [Fact]
    public async Task Pipeline_SignedPingShapedBody_IsAnOrdinaryDelivery()
    {
        // A signed body is verified like any other: claimed and dispatched by its topic (none handles it here), not ponged.
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddWooCommerce(SchemeName, o => o.Secret = Secret),
            app => app.MapWebhook(Path, SchemeName).On<JsonElement>("order.updated", (hook, ct) => Task.CompletedTask));
        var signed = Sign(Secret, host.Time.GetUtcNow(), "webhook_id=12");

        var response = await SendAsync(host, signed.ToHttpRequest(Url, "application/x-www-form-urlencoded"));

        Assert.Equal("""{"status":"ignored"}""", response);
        Assert.Equal(1, ((WebhookReceiver.Replay.InMemoryNonceStore)host.Services.GetRequiredService<IWebhookNonceStore>()).Count);
    }

    [Fact]
    public async Task Pipeline_DeliveryAsWooCommerceSendsIt_DispatchedByTopicOnceWhateverItsLabels()
    {
        var seen = new List<(string? Type, string? Id)>();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddWooCommerce(SchemeName, o => o.Secret = Secret),
            app => app.MapWebhook(Path, SchemeName)
                .On<JsonElement>("order.created", (hook, ct) =>
                {
                    seen.Add((hook.EventType, hook.DeliveryId));
                    return Task.CompletedTask;
                }));
        HttpRequestMessage Request(string deliveryId)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Order)) };
            foreach (var (name, value) in Headers(Order))
            {
                if (!request.Headers.TryAddWithoutValidation(name, value.ToString()))
                    request.Content.Headers.TryAddWithoutValidation(name, value.ToString());
            }
            request.Headers.Remove(WooCommerceDefaults.DeliveryIdHeader);
            request.Headers.TryAddWithoutValidation(WooCommerceDefaults.DeliveryIdHeader, deliveryId);
            return request;
        }

        var first = await SendAsync(host, Request("attempt-1"));
        // WooCommerce's retry (a new delivery id per attempt) of the same signed body.
        var retry = await SendAsync(host, Request("attempt-2"));

        Assert.Equal("""{"status":"processed"}""", first);
        Assert.Equal("""{"status":"duplicate"}""", retry);
        Assert.Equal([("order.created", "attempt-1")], seen);
    }
}
