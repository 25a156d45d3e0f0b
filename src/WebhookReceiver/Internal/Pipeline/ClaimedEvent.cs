namespace WebhookReceiver.Internal;

/// <summary>One event of an admitted delivery and what the nonce store said of it.</summary>
/// <param name="Event">The event.</param>
/// <param name="State">Claimed (or unclaimed with replay off), a duplicate, or in flight elsewhere.</param>
/// <param name="Key">The store key (<c>scheme:replayKey</c>) while claimed; null otherwise.</param>
/// <param name="Token">The claim's token.</param>
internal readonly record struct ClaimedEvent(WebhookEvent Event, WebhookOutcome? State, string? Key, long Token)
{
    /// <summary>Whether the event is to be settled here (claimed, or replay protection is off).</summary>
    public bool IsRunnable => State is null;
}
