using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookReceiver.Tests.Infrastructure;

/// <summary>What the handler classes below saw (a singleton in the test host).</summary>
public sealed class HandlerProbe
{
    private readonly Lock _lock = new();

    public List<string> Seen { get; } = [];

    public List<(Guid Injected, Guid FromRequest)> Scopes { get; } = [];

    public int FailuresLeft { get; set; }

    public void Record(string entry)
    {
        lock (_lock)
            Seen.Add(entry);
    }
}

/// <summary>A scoped service: one instance per request.</summary>
public sealed class ScopedMarker
{
    public Guid Id { get; } = Guid.NewGuid();
}

[WebhookHandler("orders", "order.created")]
public sealed class OrderCreatedHandler(HandlerProbe probe, ScopedMarker scope) : IWebhookHandler<OrderEvent>
{
    public Task HandleAsync(Webhook<OrderEvent> webhook, CancellationToken cancellationToken)
    {
        probe.Record($"created {webhook.Payload.Data?.OrderId} {webhook.DeliveryId}");
        lock (probe.Scopes)
            probe.Scopes.Add((scope.Id, webhook.HttpContext.RequestServices.GetRequiredService<ScopedMarker>().Id));
        return Task.CompletedTask;
    }
}

[WebhookHandler("orders", "order.paid")]
[WebhookHandler("orders", "order.refunded")]
public sealed class OrderMoneyHandler(HandlerProbe probe) : IWebhookHandler<OrderEvent>
{
    public Task HandleAsync(Webhook<OrderEvent> webhook, CancellationToken cancellationToken)
    {
        if (probe.FailuresLeft > 0)
        {
            probe.FailuresLeft--;
            throw new InvalidOperationException("handler failed (test)");
        }
        probe.Record($"money {webhook.EventType} {webhook.Payload.Data?.Amount}");
        return Task.CompletedTask;
    }
}

[WebhookHandler("orders")]
public sealed class OrderCatchAllHandler(HandlerProbe probe) : IWebhookHandler<JsonElement>
{
    public Task HandleAsync(Webhook<JsonElement> webhook, CancellationToken cancellationToken)
    {
        probe.Record($"any {webhook.EventType} {webhook.Payload.GetProperty("type").GetString()}");
        return Task.CompletedTask;
    }
}

[WebhookHandler("billing", "order.created")]
public sealed class BillingHandler(HandlerProbe probe) : IWebhookHandler<OrderEvent>
{
    public Task HandleAsync(Webhook<OrderEvent> webhook, CancellationToken cancellationToken)
    {
        probe.Record("billing");
        return Task.CompletedTask;
    }
}

/// <summary>Implements the interface but has no attribute: never picked up by a scan, refused by explicit registration.</summary>
public sealed class UnmarkedHandler : IWebhookHandler<OrderEvent>
{
    public Task HandleAsync(Webhook<OrderEvent> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
}
