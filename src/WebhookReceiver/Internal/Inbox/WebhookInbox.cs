namespace WebhookReceiver.Internal;

/// <summary>The operations of <see cref="IWebhookInbox"/> over the registered <see cref="IWebhookInboxStore"/>.</summary>
internal sealed class WebhookInbox(IWebhookInboxStore store, TimeProvider time) : IWebhookInbox
{
    /// <summary>The most entries one list returns.</summary>
    public const int MaxList = 1000;

    public ValueTask<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxStatus? status = null, int max = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, MaxList);
        return store.ListAsync(status, max, cancellationToken);
    }

    public ValueTask<WebhookInboxCounts> CountAsync(CancellationToken cancellationToken = default) => store.CountAsync(cancellationToken);

    public ValueTask<WebhookInboxEntry?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return store.GetAsync(id, cancellationToken);
    }

    public ValueTask<WebhookInboxOperationResult> RetryAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return store.RescheduleAsync(id, resetAttempts: false, time.GetUtcNow(), cancellationToken);
    }

    public async ValueTask<WebhookInboxOperationResult> RequeueAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var entry = await store.GetAsync(id, cancellationToken);
        if (entry is null)
            return WebhookInboxOperationResult.NotFound;
        if (entry.Status != WebhookInboxStatus.Dead)
            return WebhookInboxOperationResult.WrongStatus;
        return await store.RescheduleAsync(id, resetAttempts: true, time.GetUtcNow(), cancellationToken);
    }

    public ValueTask<WebhookInboxOperationResult> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return store.DeleteAsync(id, cancellationToken);
    }

    public ValueTask<long> PurgeAsync(WebhookInboxStatus status, CancellationToken cancellationToken = default)
    {
        if (status is not (WebhookInboxStatus.Completed or WebhookInboxStatus.Dead))
            throw new ArgumentOutOfRangeException(nameof(status), status, "Only completed entries and dead letters can be purged.");
        return store.PurgeAsync(status, cancellationToken);
    }
}
