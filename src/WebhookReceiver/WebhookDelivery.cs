namespace WebhookReceiver;

/// <summary>
/// A verified delivery, read once by its scheme from bytes the signature has proven: its events (one, or a batch's
/// items), its signed timestamp, and any handshake answer or acknowledgment the provider needs. Nothing in it was read
/// from an unverified body; values outside the signature are marked (<see cref="WebhookValue.IsSigned"/>).
/// </summary>
public sealed class WebhookDelivery
{
    private readonly WebhookEvent[] _events;

    /// <summary>Creates a delivery of one event.</summary>
    /// <param name="only">The event.</param>
    public WebhookDelivery(WebhookEvent only)
    {
        ArgumentNullException.ThrowIfNull(only);
        _events = [only];
    }

    /// <summary>Creates a delivery of several events, dispatched and claimed one by one.</summary>
    /// <param name="whole">The delivery as one event (its replay key and JSON), for callers that take it whole (MVC actions).</param>
    /// <param name="items">The items, in order.</param>
    public WebhookDelivery(WebhookEvent whole, IReadOnlyList<WebhookEvent> items)
    {
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(items);
        _events = [whole];
        Items = items;
    }

    /// <summary>Gets the delivery as one event: its id, event type, replay key and payload JSON.</summary>
    public WebhookEvent Whole => _events[0];

    /// <summary>Gets the items of a delivery that carries several events, or <see langword="null"/>.</summary>
    public IReadOnlyList<WebhookEvent>? Items { get; }

    /// <summary>Gets the events to settle: the items of a batch, or the delivery itself.</summary>
    public IReadOnlyList<WebhookEvent> Events => Items ?? _events;

    /// <summary>Gets the signed timestamp, already checked against the tolerance; <see langword="null"/> when the provider signs none.</summary>
    public DateTimeOffset? Timestamp { get; internal set; }

    /// <summary>
    /// Gets the answer to a provider handshake (Slack <c>url_verification</c>, a Discord PING, ...): the library answers
    /// it and runs no handler. <see langword="null"/> for ordinary deliveries.
    /// </summary>
    public WebhookHandshakeResponse? Handshake { get; init; }

    /// <summary>
    /// Gets the provider's own acknowledgment of a processed delivery (Slack form bodies: an empty 200; Twilio: empty
    /// TwiML), or <see langword="null"/> for <c>{"status":"processed"}</c>.
    /// </summary>
    public WebhookHandshakeResponse? Acknowledgment { get; init; }

    /// <summary>
    /// Gets a value indicating whether the provider reads a handler's reply (Discord interactions, Slack commands, TwiML),
    /// so the delivery cannot be acknowledged before its handler runs.
    /// </summary>
    public bool ExpectsReply { get; init; }
}
