using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Internal;

/// <summary>Builds the typed <see cref="Webhook"/> of an admitted event for code that runs between admission and settlement.</summary>
internal interface IWebhookBinder
{
    /// <summary>The payload type, named in logs.</summary>
    Type PayloadType { get; }

    /// <summary>The bound webhook; null with an error when the payload cannot be read (answered 400).</summary>
    Webhook? Bind(JsonSerializerOptions json, string scheme, WebhookDelivery delivery, WebhookEvent webhookEvent, ReadOnlyMemory<byte> body,
        HttpContext context, out string? error);
}
