namespace WebhookReceiver.Internal;

/// <summary>
/// The default inbox store: entries in this process's memory, lost at a restart (said at start-up outside
/// Development). One lock guards the few operations; an entry is handed out to one attempt at a time. Callers get
/// copies and state changes land only through <see cref="UpdateAsync"/>, under the lock, as with a durable store: a
/// list or a get never reads an entry while an attempt changes it, and an attempt whose lease ran out and was taken over
/// cannot overwrite what the newer attempt recorded. Entries passed to <see cref="AddAsync"/> become the store's.
/// </summary>
internal sealed class InMemoryInboxStore : IWebhookInboxStore, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, InboxEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<InboxEntry> _order = [];
    private readonly SemaphoreSlim _signal = new(0);

    public void Dispose() => _signal.Dispose();

    public ValueTask AddAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                _entries.Add(entry.Id, entry);
                _order.Add(entry);
            }
        }
        _signal.Release();
        return ValueTask.CompletedTask;
    }

    public ValueTask<InboxEntry?> TakeDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var entry in _order)
            {
                if (entry.Status is InboxStatus.Queued or InboxStatus.Retrying or InboxStatus.Processing && entry.DueAt <= now)
                {
                    entry.Status = InboxStatus.Processing;
                    entry.DueAt = leaseUntil;
                    entry.Lease++;
                    return ValueTask.FromResult<InboxEntry?>(entry.Snapshot());
                }
            }
        }
        return ValueTask.FromResult<InboxEntry?>(null);
    }

    public ValueTask UpdateAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(entry.Id, out var stored) && stored.Lease == entry.Lease)
                stored.CopyStateFrom(entry);
        }
        _signal.Release(); // a retry may be due now
        return ValueTask.CompletedTask;
    }

    public ValueTask<InboxEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
            return ValueTask.FromResult(_entries.GetValueOrDefault(id)?.Snapshot());
    }

    public ValueTask<IReadOnlyList<InboxEntry>> ListAsync(InboxStatus? status, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
            return ValueTask.FromResult<IReadOnlyList<InboxEntry>>(_order.Where(e => status is null || e.Status == status).Take(max).Select(e => e.Snapshot()).ToArray());
    }

    public ValueTask TrimAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _order.RemoveAll(e => e.Status == InboxStatus.Completed && e.CompletedAt < completedBefore && _entries.Remove(e.Id));
        }
        return ValueTask.CompletedTask;
    }

    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
