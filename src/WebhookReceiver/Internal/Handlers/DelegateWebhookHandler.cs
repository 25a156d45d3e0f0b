using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Internal;

/// <summary>
/// A handler given as any delegate: its parameters (services, <see cref="CancellationToken"/>, the
/// <see cref="Webhook{T}"/>) are bound by ASP.NET Core's <c>RequestDelegateFactory</c>, built once at start-up.
/// </summary>
internal sealed class DelegateWebhookHandler<T>(RequestDelegate invoke) : WebhookHandlerRegistration<T>(null)
{
    public override Task InvokeAsync(Webhook webhook, HttpContext context)
    {
        context.Features.Set(new WebhookFeature(webhook));
        return invoke(context);
    }
}
