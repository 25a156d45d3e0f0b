namespace WebhookReceiver;

/// <summary>
/// One stored event of an accepted delivery: everything a handler may read (the exact body bytes, the headers with
/// secret-bearing ones redacted, the envelope with its signedness, the signed timestamp), and its settlement state.
/// Never holds a secret header. Stores persist every property; the data (init-only) never changes after acceptance.
/// </summary>
public sealed class WebhookInboxEntry
{
    /// <summary>Gets the entry's id (unique in the inbox, time-ordered).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the route pattern of the endpoint whose handlers settle the entry.</summary>
    public required string Endpoint { get; init; }

    /// <summary>Gets the name of the scheme that verified the delivery.</summary>
    public required string Scheme { get; init; }

    /// <summary>Gets the delivery id, with whether the provider signed it.</summary>
    public required WebhookValue DeliveryId { get; init; }

    /// <summary>Gets the event type, with whether the provider signed it.</summary>
    public required WebhookValue EventType { get; init; }

    /// <summary>Gets the replay key the nonce store completed for the event.</summary>
    public required string ReplayKey { get; init; }

    /// <summary>Gets the exact verified body.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Gets the event's JSON: the body, or one item of a batch.</summary>
    public required ReadOnlyMemory<byte> Json { get; init; }

    /// <summary>Gets the request headers a handler may read; secret-bearing ones are not stored.</summary>
    public required IReadOnlyList<KeyValuePair<string, string[]>> Headers { get; init; }

    /// <summary>Gets the signed timestamp of the delivery, if its scheme signs one.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Gets when the delivery was accepted.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Gets or sets where the entry stands.</summary>
    public WebhookInboxStatus Status { get; set; }

    /// <summary>The <see cref="LastError"/> of an attempt that never reported: its lease ran out and the entry was taken over.</summary>
    public const string LeaseRanOutError = "The attempt did not finish within its lease: the instance running it stopped (crashed, killed or stalled).";

    /// <summary>
    /// Gets or sets how many attempts ran (an attempt cut short by a shutdown is not counted; one whose instance stopped
    /// is counted when another takes the entry over).
    /// </summary>
    public int Attempts { get; set; }

    /// <summary>Gets or sets when the entry is next due (queued or retrying), or when its lease ends (processing).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Gets or sets the last error: the exception's type and message, never the payload.</summary>
    public string? LastError { get; set; }

    /// <summary>Gets or sets when the entry completed.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>
    /// Gets or sets how many times the entry was handed to an attempt. A store takes an update only when it carries
    /// the current value, so an attempt whose lease ran out and was taken over cannot overwrite the newer attempt's state.
    /// </summary>
    public int Lease { get; set; }

    /// <summary>Creates a copy of the entry (the body and headers are shared: they never change).</summary>
    public WebhookInboxEntry Snapshot() => (WebhookInboxEntry)MemberwiseClone();

    /// <summary>Takes the settlement state of <paramref name="source"/> (status, attempts, due time, last error, completion).</summary>
    /// <param name="source">The entry whose state to copy.</param>
    public void CopyStateFrom(WebhookInboxEntry source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Status = source.Status;
        Attempts = source.Attempts;
        DueAt = source.DueAt;
        LastError = source.LastError;
        CompletedAt = source.CompletedAt;
    }
}
