using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// A verified delivery with its payload deserialized as <typeparamref name="T"/>. Handler delegates take it as a
/// parameter; it binds from the request only inside a <c>MapWebhook</c> endpoint or a <see cref="VerifyWebhookAttribute"/>
/// action, after verification (MVC does not validate it).
/// </summary>
/// <typeparam name="T">The payload type.</typeparam>
[ModelBinder(typeof(WebhookModelBinder))]
[ValidateNever]
public sealed class Webhook<T> : Webhook, IWebhookBinder
{
    private T _payload = default!;

    internal Webhook(string scheme, WebhookDelivery delivery, WebhookEvent webhookEvent, ReadOnlyMemory<byte> body, HttpContext httpContext, T payload)
        : base(scheme, delivery, webhookEvent, body, httpContext)
    {
        _payload = payload;
    }

    private Webhook(HttpContext httpContext)
        : base(httpContext)
    {
    }

    /// <summary>Gets the deserialized payload.</summary>
    public T Payload => IsBound ? _payload : throw NotVerified();

    Type IWebhookBinder.PayloadType => typeof(T);

    /// <summary>Fills a placeholder bound before verification (the endpoint filter's path) from the verified event.</summary>
    Webhook? IWebhookBinder.Bind(System.Text.Json.JsonSerializerOptions json, string scheme, WebhookDelivery delivery, WebhookEvent webhookEvent,
        ReadOnlyMemory<byte> body, HttpContext context, out string? error)
    {
        if (!WebhookPayload.TryDeserialize(webhookEvent.Json.Span, WebhookPayload.TypeInfo<T>(json), out var payload, out error))
            return null;
        _payload = payload;
        Bind(scheme, delivery, webhookEvent, body);
        return this;
    }

    /// <summary>
    /// Binds the verified delivery of the current <c>MapWebhook</c> request (minimal-API parameter binding). On an
    /// endpoint of your own, binding runs before the verification filter: it returns a placeholder that
    /// <c>AddWebhookVerification</c> fills after verifying, and that throws on use when no verification ran. Never reads the body.
    /// </summary>
    /// <param name="context">The HTTP context.</param>
#pragma warning disable CA1000 // minimal-API binding looks for this static method on the parameter type
    public static ValueTask<Webhook<T>?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<Webhook<T>?>(context.Features.Get<WebhookFeature>()?.Webhook as Webhook<T> ?? new Webhook<T>(context));
    }
#pragma warning restore CA1000
}
