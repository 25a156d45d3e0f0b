using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Internal;

/// <summary>One handler of a webhook endpoint: how to build its typed <see cref="Webhook"/> and how to run it.</summary>
internal abstract class WebhookHandlerRegistration : IWebhookBinder
{
    public abstract Type PayloadType { get; }

    /// <summary>Names the handler in start-up errors.</summary>
    public virtual string Description => "an On/OnAny handler";

    /// <summary>
    /// Deserializes the payload from the event's JSON (<see cref="WebhookEvent.Json"/>, usually the verified body itself);
    /// <see langword="null"/> with an error when it is not a valid payload.
    /// </summary>
    public abstract Webhook? CreateWebhook(JsonSerializerOptions json, string scheme, WebhookDelivery delivery, WebhookEvent webhookEvent,
        ReadOnlyMemory<byte> body, HttpContext context, out string? error);

    public abstract Task InvokeAsync(Webhook webhook, HttpContext context);

    /// <summary>Why the payload type cannot be read with <paramref name="json"/> (a resolver without it), or <see langword="null"/>.</summary>
    public abstract string? CheckPayloadType(JsonSerializerOptions json);

    /// <summary>The JSON contract of the payload type from <paramref name="json"/> (or the given type info), or <see langword="null"/> when it has none.</summary>
    public abstract JsonTypeInfo? PayloadTypeInfo(JsonSerializerOptions json);

    Webhook? IWebhookBinder.Bind(JsonSerializerOptions json, string scheme, WebhookDelivery delivery, WebhookEvent webhookEvent, ReadOnlyMemory<byte> body,
        HttpContext context, out string? error) => CreateWebhook(json, scheme, delivery, webhookEvent, body, context, out error);
}
