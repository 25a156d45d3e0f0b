namespace WebhookReceiver.Tests.Internal;

/// <summary>An inbox store that is down: every call throws.</summary>
internal sealed class FailingInboxStore : IWebhookInboxStore
{
    private static TimeoutException Down() => new("inbox store down (test)");

    public ValueTask AddAsync(IReadOnlyList<WebhookInboxEntry> entries, CancellationToken cancellationToken) => throw Down();

    public ValueTask<WebhookInboxEntry?> TakeDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) => throw Down();

    public ValueTask<bool> RenewAsync(WebhookInboxEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken) => throw Down();

    public ValueTask<bool> UpdateAsync(WebhookInboxEntry entry, CancellationToken cancellationToken) => throw Down();

    public ValueTask<WebhookInboxEntry?> GetAsync(string id, CancellationToken cancellationToken) => throw Down();

    public ValueTask<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxStatus? status, int max, CancellationToken cancellationToken) => throw Down();

    public ValueTask<WebhookInboxCounts> CountAsync(CancellationToken cancellationToken) => throw Down();

    public ValueTask<WebhookInboxOperationResult> RescheduleAsync(string id, bool resetAttempts, DateTimeOffset now, CancellationToken cancellationToken) => throw Down();

    public ValueTask<WebhookInboxOperationResult> DeleteAsync(string id, CancellationToken cancellationToken) => throw Down();

    public ValueTask<long> PurgeAsync(WebhookInboxStatus status, CancellationToken cancellationToken) => throw Down();

    public ValueTask TrimAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken) => throw Down();

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => Task.Delay(timeout, cancellationToken);
}
