using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Internal;

/// <summary>A handler given as <c>Func&lt;Webhook&lt;T&gt;, CancellationToken, Task&gt;</c>: called directly, trim- and AOT-safe.</summary>
internal sealed class TypedWebhookHandler<T>(Func<Webhook<T>, CancellationToken, Task> handler, JsonTypeInfo<T>? typeInfo)
    : WebhookHandlerRegistration<T>(typeInfo)
{
    public override Task InvokeAsync(Webhook webhook, HttpContext context)
        => handler((Webhook<T>)webhook, context.RequestAborted);
}
