namespace WebhookReceiver.Internal;

/// <summary>
/// A delivery that passed admission (read, verified, claimed): what settlement needs, and the pooled body it was
/// verified from, returned to the pool when the request is done.
/// </summary>
internal sealed class AdmittedDelivery(WebhookScheme scheme, WebhookDelivery delivery, ClaimedEvent[] events, PooledBody body,
    DateTimeOffset receivedAt, bool isWhole) : IDisposable
{
    public WebhookScheme Scheme { get; } = scheme;

    public WebhookDelivery Delivery { get; } = delivery;

    /// <summary>The events to settle, in order, with their claims.</summary>
    public ClaimedEvent[] Events { get; } = events;

    /// <summary>Whether the delivery is settled as one event (a single delivery, or a batch taken whole).</summary>
    public bool IsWhole { get; } = isWhole;

    /// <summary>The exact verified bytes.</summary>
    public ReadOnlyMemory<byte> Body => body.Memory;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    public void Dispose() => body.Dispose();
}
