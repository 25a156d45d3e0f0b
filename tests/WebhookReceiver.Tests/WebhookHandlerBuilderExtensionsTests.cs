using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests;

/// <summary>Handler classes ([WebhookHandler] + IWebhookHandler&lt;T&gt;) through the real pipeline on TestServer.</summary>
public sealed class WebhookHandlerBuilderExtensionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<WebhookTestHost> StartAsync(Action<WebhookBuilder> handlers, Action<WebApplication>? map = null)
        => WebhookTestHost.StartAsync(
            schemes =>
            {
                schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret)
                    .AddStandardWebhooks("billing", o => o.Secret = StandardDelivery.Secret);
                handlers(schemes);
            },
            map ?? (app => app.MapWebhook(StandardDelivery.Path, "orders")),
            services => services.AddSingleton<HandlerProbe>().AddScoped<ScopedMarker>());

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(WebhookTestHost host, string type, string id, string orderId = "o-1")
    {
        var response = await host.Client.SendAsync(StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody(type, orderId), id), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static HandlerProbe Probe(WebhookTestHost host) => host.Services.GetRequiredService<HandlerProbe>();

    [Fact]
    public async Task AddWebhookHandlers_ScannedClass_ReceivesTypedPayloadAndService()
    {
        await using var host = await StartAsync(b => b.AddWebhookHandlers(typeof(OrderCreatedHandler).Assembly));

        var (status, body) = await SendAsync(host, "order.created", "msg_a", "o-42");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"processed"}""", body);
        Assert.Equal(["created o-42 msg_a"], Probe(host).Seen);
    }

    [Fact]
    public async Task AddWebhookHandlers_SeveralClasses_DispatchByEventTypeWithCatchAll()
    {
        await using var host = await StartAsync(b => b.AddWebhookHandlers(typeof(OrderCreatedHandler).Assembly));

        await SendAsync(host, "order.paid", "msg_1");
        await SendAsync(host, "order.refunded", "msg_2");
        await SendAsync(host, "order.shipped", "msg_3");
        await SendAsync(host, "order.created", "msg_4");

        Assert.Equal(["money order.paid 12.5", "money order.refunded 12.5", "any order.shipped order.shipped", "created o-1 msg_4"], Probe(host).Seen);
    }

    [Fact]
    public async Task AddWebhookHandler_OtherScheme_NotAttachedToThisEndpoint()
    {
        await using var host = await StartAsync(b => b.AddWebhookHandler<BillingHandler, OrderEvent>());

        var (status, body) = await SendAsync(host, "order.created", "msg_b");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"ignored"}""", body);
        Assert.Empty(Probe(host).Seen);
    }

    [Fact]
    public async Task AddWebhookHandler_Explicit_OnlyThatClassIsRegistered()
    {
        await using var host = await StartAsync(b => b.AddWebhookHandler<OrderCreatedHandler, OrderEvent>().AddWebhookHandler<OrderCreatedHandler, OrderEvent>());

        await SendAsync(host, "order.created", "msg_1");
        var (_, ignored) = await SendAsync(host, "order.paid", "msg_2");

        Assert.Equal(["created o-1 msg_1"], Probe(host).Seen);
        Assert.Equal("""{"status":"ignored"}""", ignored);
    }

    [Fact]
    public async Task Handler_ResolvedPerDelivery_FromTheRequestScope()
    {
        await using var host = await StartAsync(b => b.AddWebhookHandler<OrderCreatedHandler, OrderEvent>());

        await SendAsync(host, "order.created", "msg_1");
        await SendAsync(host, "order.created", "msg_2");

        var scopes = Probe(host).Scopes;
        Assert.Equal(2, scopes.Count);
        Assert.All(scopes, s => Assert.Equal(s.FromRequest, s.Injected));
        Assert.NotEqual(scopes[0].Injected, scopes[1].Injected);
    }

    [Fact]
    public async Task Handler_Throws_Answers500AndRetryIsProcessed()
    {
        await using var host = await StartAsync(b => b.AddWebhookHandler<OrderMoneyHandler, OrderEvent>());
        Probe(host).FailuresLeft = 1;

        var (failed, _) = await SendAsync(host, "order.paid", "msg_retry");
        var (retried, body) = await SendAsync(host, "order.paid", "msg_retry");

        Assert.Equal(HttpStatusCode.InternalServerError, failed);
        Assert.Equal(HttpStatusCode.OK, retried);
        Assert.Equal("""{"status":"processed"}""", body);
        Assert.Equal(["money order.paid 12.5"], Probe(host).Seen);
    }

    [Fact]
    public async Task MapWebhook_OnSameEventTypeAsHandlerClass_ThrowsNamingBoth()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(
            b => b.AddWebhookHandler<OrderCreatedHandler, OrderEvent>(),
            app => app.MapWebhook(StandardDelivery.Path, "orders").On<OrderEvent>("order.created", (_, _) => Task.CompletedTask)));

        Assert.Contains("order.created", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(OrderCreatedHandler), error.Message, StringComparison.Ordinal);
        Assert.Contains("On/OnAny", error.Message, StringComparison.Ordinal);
        Assert.Contains(StandardDelivery.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapWebhook_OnAnyBesideCatchAllClass_Throws()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(
            b => b.AddWebhookHandler<OrderCatchAllHandler, System.Text.Json.JsonElement>(),
            app => app.MapWebhook(StandardDelivery.Path, "orders").OnAny<OrderEvent>((_, _) => Task.CompletedTask)));

        Assert.Contains(nameof(OrderCatchAllHandler), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapWebhook_HandlerClassOfUnregisteredScheme_Throws()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret).AddWebhookHandler<BillingHandler, OrderEvent>(),
            app => app.MapWebhook(StandardDelivery.Path, "orders")));

        Assert.Contains("'billing'", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(BillingHandler), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWebhookHandler_ClassWithoutAttribute_Throws()
    {
        var builder = new ServiceCollection().AddWebhooks();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddWebhookHandler<UnmarkedHandler, OrderEvent>());

        Assert.Contains(nameof(UnmarkedHandler), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WebhookHandlerAttribute_WithoutEventType_IsCatchAll()
    {
        Assert.Equal(WebhookHandlerAttribute.AnyEventType, new WebhookHandlerAttribute("orders").EventType);
    }
}
