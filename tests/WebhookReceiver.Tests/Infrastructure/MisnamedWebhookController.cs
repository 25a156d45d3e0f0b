using Microsoft.AspNetCore.Mvc;

namespace WebhookReceiver.Tests.Infrastructure;

/// <summary>Names a scheme no test host registers: [NonController], so only the start-up test that adds it explicitly sees it.</summary>
[NonController]
public sealed class MisnamedWebhookController : ControllerBase
{
    [HttpPost("/misnamed")]
    [VerifyWebhook("strpie")]
    public IActionResult Receive(Webhook<OrderEvent> webhook) => Ok(webhook.DeliveryId);
}
