using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Internal;

/// <summary>One handler of a webhook endpoint: how to build its typed <see cref="Webhook"/> and how to run it.</summary>
internal abstract class WebhookHandlerRegistration
{
    public abstract Type PayloadType { get; }

    /// <summary>Names the handler in start-up errors.</summary>
    public virtual string Description => "an On/OnAny handler";

    /// <summary>
    /// Deserializes the payload from <paramref name="payloadJson"/> (<see cref="WebhookScheme.GetPayloadJson"/>, usually
    /// the body itself); <see langword="null"/> with an error when it is not a valid payload.
    /// </summary>
    public abstract Webhook? CreateWebhook(JsonSerializerOptions json, WebhookScheme scheme, in WebhookEnvelope envelope, DateTimeOffset? timestamp,
        ReadOnlyMemory<byte> body, ReadOnlyMemory<byte> payloadJson, HttpContext context, out string? error);

    public abstract Task InvokeAsync(Webhook webhook, HttpContext context);

    /// <summary>
    /// Tells, after <see cref="InvokeAsync"/> returned, whether the delivery is done (completed in the nonce store). A handler
    /// that answers the provider itself (an MVC action) is done only with a 2xx status; otherwise the claim is released.
    /// </summary>
    public virtual bool Succeeded(HttpContext context) => true;
}
