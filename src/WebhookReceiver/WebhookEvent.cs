namespace WebhookReceiver;

/// <summary>
/// One event of a verified delivery: the delivery itself, or one item of a delivery that carries several (SendGrid's
/// and HubSpot's arrays). Each event is claimed under its own <see cref="ReplayKey"/> and dispatched by its own
/// <see cref="EventType"/>.
/// </summary>
public sealed class WebhookEvent
{
    private readonly string? _signedContentKey;
    private string? _replayKey;

    /// <summary>Creates an event.</summary>
    /// <param name="id">Its delivery id, and whether the signature covers it.</param>
    /// <param name="eventType">Its event type, and whether the signature covers it.</param>
    /// <param name="json">The JSON its payload is deserialized from (verified bytes, e.g. the body or a slice of it).</param>
    /// <param name="signedContentKey">
    /// The replay key when <paramref name="id"/> is not signed and the signature covers more than <paramref name="json"/>
    /// (see <see cref="WebhookReplayKeys.ForSignedContent"/>); by default a hash of <paramref name="json"/>.
    /// </param>
    public WebhookEvent(WebhookValue id, WebhookValue eventType, ReadOnlyMemory<byte> json, string? signedContentKey = null)
    {
        Id = id;
        EventType = eventType;
        Json = json;
        _signedContentKey = signedContentKey;
    }

    /// <summary>Gets the event's delivery id (signed or a label).</summary>
    public WebhookValue Id { get; }

    /// <summary>Gets the event type handlers are chosen by (signed or a label).</summary>
    public WebhookValue EventType { get; }

    /// <summary>Gets the JSON the payload is deserialized from.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>
    /// Gets the key the nonce store claims the event under: the id when the signature covers it, otherwise a hash of the
    /// signed content. An unsigned id or event type never changes it, so a relabelled copy is a duplicate.
    /// </summary>
    public string ReplayKey => _replayKey ??= Id is { IsSigned: true, Value: { Length: > 0 } id }
        ? WebhookReplayKeys.ForSignedId(id)
        : _signedContentKey ?? WebhookReplayKeys.ForSignedContent(Json.Span);
}
