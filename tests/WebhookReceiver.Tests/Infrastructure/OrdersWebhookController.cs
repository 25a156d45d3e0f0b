using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace WebhookReceiver.Tests.Infrastructure;

/// <summary>MVC actions verified with [VerifyWebhook] (an [ApiController], which would infer [FromBody] for complex types).</summary>
[ApiController]
[Route("webhooks/orders")]
public sealed class OrdersWebhookController(HandlerProbe probe) : ControllerBase
{
    /// <summary>Returns nothing: answered {"status":"processed"}. Order "boom" throws while FailuresLeft, "reject" answers 422.</summary>
    [HttpPost]
    [VerifyWebhook("orders")]
    public Task Receive(Webhook<OrderEvent> webhook, [FromServices] ScopedMarker scope)
    {
        var orderId = webhook.Payload.Data?.OrderId;
        if (orderId == "boom" && probe.FailuresLeft > 0)
        {
            probe.FailuresLeft--;
            throw new InvalidOperationException("action failed (test)");
        }
        if (orderId == "reject" && probe.FailuresLeft > 0)
        {
            probe.FailuresLeft--;
            HttpContext.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Task.CompletedTask;
        }
        probe.Record($"mvc {webhook.EventType} {orderId} {webhook.DeliveryId} {scope.Id != Guid.Empty}");
        return Task.CompletedTask;
    }

    /// <summary>Answers the provider itself.</summary>
    [HttpPost("reply")]
    [VerifyWebhook("orders")]
    public IActionResult Reply(Webhook<OrderEvent> webhook)
    {
        probe.Record($"reply {webhook.Payload.Data?.OrderId}");
        return Accepted(new { order = webhook.Payload.Data?.OrderId });
    }

    /// <summary>A HubSpot batch reaches the action whole.</summary>
    [HttpPost("/hooks")]
    [VerifyWebhook("hs")]
    public void Batch(Webhook<System.Text.Json.JsonElement[]> webhook)
        => probe.Record($"batch {webhook.Payload.Length} {webhook.DeliveryId is null && webhook.ReplayKey.StartsWith("c:", StringComparison.Ordinal)}");
}
