namespace WebhookReceiver;

/// <summary>
/// A webhook handler class: marked with <see cref="WebhookHandlerAttribute"/>, registered with
/// <c>AddWebhookHandlers(assembly)</c> or <c>AddWebhookHandler&lt;THandler, T&gt;()</c>, resolved from the request's
/// services (scoped) for every delivery of its event type on the endpoints of its scheme.
/// </summary>
/// <typeparam name="T">The payload type.</typeparam>
public interface IWebhookHandler<T>
{
    /// <summary>
    /// Handles a verified delivery. Returning completes the delivery (<c>{"status":"processed"}</c>); throwing releases it
    /// and answers 500, so the provider's retry is processed.
    /// </summary>
    /// <param name="webhook">The verified delivery and its payload.</param>
    /// <param name="cancellationToken">Fires when the provider aborts the request.</param>
    Task HandleAsync(Webhook<T> webhook, CancellationToken cancellationToken);
}
