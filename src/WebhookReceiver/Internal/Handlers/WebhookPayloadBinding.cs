using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Internal;

/// <summary>
/// Binds the <see cref="Webhook{T}"/> of code the library does not call itself ([VerifyWebhook] actions): it only
/// deserializes; the caller runs its own code between admission and settlement (<see cref="WebhookGate"/>).
/// </summary>
internal sealed class WebhookPayloadBinding<T>() : WebhookHandlerRegistration<T>(null)
{
    public override string Description => "an MVC action";

    public override Task InvokeAsync(Webhook webhook, HttpContext context)
        => throw new InvalidOperationException("A payload binding is run by its caller, not by settlement.");
}
