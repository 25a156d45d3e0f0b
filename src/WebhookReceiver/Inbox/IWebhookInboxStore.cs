namespace WebhookReceiver;

/// <summary>
/// Where accepted deliveries wait for the inbox processor: the in-memory default, the Redis Streams store of
/// WebhookReceiver.StackExchangeRedis, or your own (register it with <c>AddInboxStore</c>). Every method may be called
/// from several instances at once; each must be atomic on one entry. <see cref="AddAsync"/> must not return before the
/// entries are durable (the request is acknowledged only then) and must throw when the store cannot be reached (503).
/// </summary>
public interface IWebhookInboxStore
{
    /// <summary>Stores the entries of one accepted delivery, all or none.</summary>
    /// <param name="entries">The new entries (status <see cref="WebhookInboxStatus.Queued"/>); they become the store's.</param>
    /// <param name="cancellationToken">Cancels the call; the request is then answered 503.</param>
    ValueTask AddAsync(IReadOnlyList<WebhookInboxEntry> entries, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the next due entry — queued, retrying past its delay, or processing past its lease (its consumer died) —
    /// marking it processing until <paramref name="leaseUntil"/> and incrementing its <see cref="WebhookInboxEntry.Lease"/>.
    /// An entry taken over from a lease that ran out counts the attempt that never reported: its
    /// <see cref="WebhookInboxEntry.Attempts"/> is incremented and its <see cref="WebhookInboxEntry.LastError"/> says so,
    /// so a delivery whose handler brings its process down still ends as a dead letter. An entry already completed is
    /// never handed out.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="leaseUntil">When the lease of the attempt ends.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A copy of the entry, or <see langword="null"/> when none is due.</returns>
    ValueTask<WebhookInboxEntry?> TakeDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease of an entry while its attempt runs (the processor renews every third of the lease), so the
    /// lease measures how long a stopped instance holds an entry, not how long a handler may take.
    /// </summary>
    /// <param name="entry">The entry, with the <see cref="WebhookInboxEntry.Lease"/> it was taken with.</param>
    /// <param name="leaseUntil">The new end of the lease.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the entry is gone or its lease was taken over (nothing written).</returns>
    ValueTask<bool> RenewAsync(WebhookInboxEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records the state of an entry after an attempt (completed, retrying, dead, or queued again at shutdown).</summary>
    /// <param name="entry">The entry with its new state and the <see cref="WebhookInboxEntry.Lease"/> it was taken with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the entry is gone or its lease was taken over (nothing written).</returns>
    ValueTask<bool> UpdateAsync(WebhookInboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Gets one entry.</summary>
    /// <param name="id">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A copy of the entry, or <see langword="null"/>.</returns>
    ValueTask<WebhookInboxEntry?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Lists entries, oldest first.</summary>
    /// <param name="status">Only entries of this status; <see langword="null"/> for all.</param>
    /// <param name="max">The most entries returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxStatus? status, int max, CancellationToken cancellationToken);

    /// <summary>Counts the entries by status.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<WebhookInboxCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes a retrying or dead entry due at <paramref name="now"/> (status queued), keeping its attempts, or resetting
    /// them to zero when <paramref name="resetAttempts"/> (a requeued dead letter gets every attempt again).
    /// </summary>
    /// <param name="id">The entry's id.</param>
    /// <param name="resetAttempts">Whether the attempts start again from zero.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<WebhookInboxOperationResult> RescheduleAsync(string id, bool resetAttempts, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes one completed or dead entry.</summary>
    /// <param name="id">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<WebhookInboxOperationResult> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Removes every entry of a status.</summary>
    /// <param name="status"><see cref="WebhookInboxStatus.Completed"/> or <see cref="WebhookInboxStatus.Dead"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many entries were removed.</returns>
    ValueTask<long> PurgeAsync(WebhookInboxStatus status, CancellationToken cancellationToken);

    /// <summary>Removes completed entries that completed before <paramref name="completedBefore"/> (the retention).</summary>
    /// <param name="completedBefore">The cut-off.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask TrimAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken);

    /// <summary>Completes when an entry may have become due (a new entry, a retry), or after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
