using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal;

/// <summary>An inbox store that is down: every write throws.</summary>
internal sealed class FailingInboxStore : IWebhookInboxStore
{
    public ValueTask AddAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken) => throw new TimeoutException("inbox store down (test)");

    public ValueTask<InboxEntry?> TakeDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) => ValueTask.FromResult<InboxEntry?>(null);

    public ValueTask UpdateAsync(InboxEntry entry, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<InboxEntry?> GetAsync(string id, CancellationToken cancellationToken) => ValueTask.FromResult<InboxEntry?>(null);

    public ValueTask<IReadOnlyList<InboxEntry>> ListAsync(InboxStatus? status, int max, CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyList<InboxEntry>>([]);

    public ValueTask TrimAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) => Task.Delay(timeout, cancellationToken);
}
