using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookReceiver.Internal;

/// <summary>An <see cref="IWebhookHandler{T}"/> class, resolved from the request's (scoped) services for every delivery.</summary>
internal sealed class ClassWebhookHandler<THandler, T>() : WebhookHandlerRegistration<T>((JsonTypeInfo<T>?)null)
    where THandler : class, IWebhookHandler<T>
{
    public override string Description => $"handler class {typeof(THandler).FullName}";

    public override Task InvokeAsync(Webhook webhook, HttpContext context)
        => context.RequestServices.GetRequiredService<THandler>().HandleAsync((Webhook<T>)webhook, context.RequestAborted);
}
