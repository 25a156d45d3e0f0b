namespace WebhookReceiver.Internal;

/// <summary>
/// One stored event of an accepted delivery: everything a handler may read (exact body bytes, redacted headers, the
/// envelope with its signedness, the signed timestamp), and its settlement state. Never holds a secret header.
/// </summary>
internal sealed class InboxEntry
{
    public required string Id { get; init; }

    /// <summary>The endpoint whose handlers settle it (its route pattern).</summary>
    public required string Endpoint { get; init; }

    public required string Scheme { get; init; }

    public required WebhookValue DeliveryId { get; init; }

    public required WebhookValue EventType { get; init; }

    public required string ReplayKey { get; init; }

    /// <summary>The exact verified body.</summary>
    public required byte[] Body { get; init; }

    /// <summary>The event's JSON (the body, or a batch item).</summary>
    public required byte[] Json { get; init; }

    public required KeyValuePair<string, string[]>[] Headers { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public InboxStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the entry is next due (queued or retrying), or when its lease ends (processing).</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The last error: exception type and message, never the payload.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Counts the times the entry was handed to an attempt; an update from an attempt whose lease was taken over carries an older value.</summary>
    public int Lease { get; set; }

    /// <summary>A copy of the entry (the body and headers are shared: they are never changed after acceptance).</summary>
    public InboxEntry Snapshot() => (InboxEntry)MemberwiseClone();

    /// <summary>Takes the settlement state of <paramref name="source"/> (status, attempts, due time, last error, completion).</summary>
    public void CopyStateFrom(InboxEntry source)
    {
        Status = source.Status;
        Attempts = source.Attempts;
        DueAt = source.DueAt;
        LastError = source.LastError;
        CompletedAt = source.CompletedAt;
    }
}
