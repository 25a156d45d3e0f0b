using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Internal;

/// <summary>Payloads deserialize through a source-generated JsonTypeInfo, as Native AOT apps need.</summary>
public sealed partial class SourceGeneratedPayloadTests
{
    [JsonSerializable(typeof(OrderEvent))]
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    private sealed partial class OrdersJsonContext : JsonSerializerContext;

    [Fact]
    public async Task TypedHandler_WithJsonTypeInfo_DeserializesThroughTheContext()
    {
        string? orderId = null;
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders",
                (hook, _) => { orderId = hook.Payload.Data?.OrderId; return Task.CompletedTask; },
                OrdersJsonContext.Default.OrderEvent));

        var response = await host.Client.SendAsync(
            StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody(orderId: "o-aot")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("o-aot", orderId);
    }

    [Fact]
    public async Task SerializerOptions_WithContextInResolverChain_AreUsedByDefault()
    {
        string? orderId = null;
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook<OrderEvent>(StandardDelivery.Path, "orders", (hook, _) => { orderId = hook.Payload.Data?.OrderId; return Task.CompletedTask; }),
            services => services.Configure<WebhookOptions>(o => o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, OrdersJsonContext.Default)));

        var response = await host.Client.SendAsync(
            StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody(orderId: "o-chain")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("o-chain", orderId);
    }
}
