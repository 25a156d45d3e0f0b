namespace WebhookReceiver.Internal;

/// <summary>
/// Where accepted deliveries wait for the processor. <see cref="AddAsync"/> must not return before the entries are
/// stored (the request is acknowledged only then) and must throw when the store cannot be reached (503).
/// </summary>
internal interface IWebhookInboxStore
{
    /// <summary>Stores the entries of one accepted delivery, all or none.</summary>
    ValueTask AddAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken);

    /// <summary>Takes the next due entry (queued, retrying past its delay, or processing past its lease), marking it processing until <paramref name="leaseUntil"/>; null when none is due.</summary>
    ValueTask<InboxEntry?> TakeDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records the state of an entry after an attempt (completed, retrying, dead) or an operator's retry.</summary>
    ValueTask UpdateAsync(InboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Gets one entry, or null.</summary>
    ValueTask<InboxEntry?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Lists entries, oldest first, optionally of one status.</summary>
    ValueTask<IReadOnlyList<InboxEntry>> ListAsync(InboxStatus? status, int max, CancellationToken cancellationToken);

    /// <summary>Removes completed entries older than the retention.</summary>
    ValueTask TrimAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken);

    /// <summary>Completes when an entry may have become due (a new entry, a retry), or at <paramref name="timeout"/>.</summary>
    Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken);
}
