namespace WebhookReceiver;

/// <summary>
/// Operations on the inbox, for an operator's tools and the HTTP API of <c>MapWebhookInbox</c>: list and count by
/// status, read one entry, retry or requeue, delete and purge. Registered by <c>AddWebhooks</c>.
/// </summary>
public interface IWebhookInbox
{
    /// <summary>Lists entries, oldest first.</summary>
    /// <param name="status">Only entries of this status; <see langword="null"/> for all.</param>
    /// <param name="max">The most entries returned (1–1,000).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxStatus? status = null, int max = 100, CancellationToken cancellationToken = default);

    /// <summary>Counts the entries by status.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<WebhookInboxCounts> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one entry, with its body and headers.</summary>
    /// <param name="id">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<WebhookInboxEntry?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Runs a retrying or dead entry again now, its attempts kept (a dead letter gets one more attempt).</summary>
    /// <param name="id">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<WebhookInboxOperationResult> RetryAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Queues a dead letter again with its attempts reset: it gets every attempt and retry once more.</summary>
    /// <param name="id">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<WebhookInboxOperationResult> RequeueAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes one completed or dead entry.</summary>
    /// <param name="id">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<WebhookInboxOperationResult> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes every completed or every dead entry.</summary>
    /// <param name="status"><see cref="WebhookInboxStatus.Completed"/> or <see cref="WebhookInboxStatus.Dead"/>; others throw <see cref="ArgumentOutOfRangeException"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many entries were deleted.</returns>
    ValueTask<long> PurgeAsync(WebhookInboxStatus status, CancellationToken cancellationToken = default);
}
