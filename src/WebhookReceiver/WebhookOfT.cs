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
public sealed class Webhook<T> : Webhook
{
    internal Webhook(string scheme, WebhookDelivery delivery, WebhookEvent webhookEvent, ReadOnlyMemory<byte> body, HttpContext httpContext, T payload)
        : base(scheme, delivery, webhookEvent, body, httpContext)
    {
        Payload = payload;
    }

    /// <summary>Gets the deserialized payload.</summary>
    public T Payload { get; }

    /// <summary>Binds the verified delivery of the current <c>MapWebhook</c> request (minimal-API parameter binding).</summary>
    /// <param name="context">The HTTP context.</param>
#pragma warning disable CA1000 // minimal-API binding looks for this static method on the parameter type
    public static ValueTask<Webhook<T>?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Features.Get<WebhookFeature>()?.Webhook as Webhook<T>);
    }
#pragma warning restore CA1000
}
