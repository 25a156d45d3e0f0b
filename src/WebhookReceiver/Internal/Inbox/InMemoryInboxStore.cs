namespace WebhookReceiver.Internal;

/// <summary>
/// The default inbox store: entries in this process's memory, lost at a restart (said at start-up outside
/// Development). One lock guards the few operations; an entry is handed out to one attempt at a time. Callers get
/// copies and state changes land only through the store's methods, under the lock, as with a durable store: a list or
/// a get never reads an entry while an attempt changes it, and an attempt whose lease ran out and was taken over
/// cannot overwrite what the newer attempt recorded. Entries passed to <see cref="AddAsync"/> become the store's.
/// </summary>
internal sealed class InMemoryInboxStore : IWebhookInboxStore, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, WebhookInboxEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<WebhookInboxEntry> _order = [];
    private readonly SemaphoreSlim _signal = new(0);
    private readonly TimeProvider _time;

    public InMemoryInboxStore(TimeProvider time) => _time = time;

    public void Dispose() => _signal.Dispose();

    public ValueTask AddAsync(IReadOnlyList<WebhookInboxEntry> entries, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                if (_entries.ContainsKey(entry.Id))
                    throw new InvalidOperationException($"Inbox entry {entry.Id} exists already.");
            }
            foreach (var entry in entries)
            {
                _entries.Add(entry.Id, entry);
                _order.Add(entry);
            }
        }
        Signal();
        return ValueTask.CompletedTask;
    }

    public ValueTask<WebhookInboxEntry?> TakeDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var entry in _order)
            {
                if (entry.Status is WebhookInboxStatus.Queued or WebhookInboxStatus.Retrying or WebhookInboxStatus.Processing && entry.DueAt <= now)
                {
                    if (entry.Status == WebhookInboxStatus.Processing)
                    {
                        entry.Attempts++;
                        entry.LastError = WebhookInboxEntry.LeaseRanOutError;
                    }
                    entry.Status = WebhookInboxStatus.Processing;
                    entry.DueAt = leaseUntil;
                    entry.Lease++;
                    return ValueTask.FromResult<WebhookInboxEntry?>(entry.Snapshot());
                }
            }
        }
        return ValueTask.FromResult<WebhookInboxEntry?>(null);
    }

    public ValueTask<bool> RenewAsync(WebhookInboxEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (!_entries.TryGetValue(entry.Id, out var stored) || stored.Lease != entry.Lease || stored.Status != WebhookInboxStatus.Processing)
                return ValueTask.FromResult(false);
            stored.DueAt = leaseUntil;
        }
        return ValueTask.FromResult(true);
    }

    public ValueTask<bool> UpdateAsync(WebhookInboxEntry entry, CancellationToken cancellationToken)
    {
        bool updated;
        lock (_lock)
        {
            updated = _entries.TryGetValue(entry.Id, out var stored) && stored.Lease == entry.Lease && stored.Status == WebhookInboxStatus.Processing;
            if (updated)
                stored!.CopyStateFrom(entry);
        }
        Signal(); // a retry may be due now
        return ValueTask.FromResult(updated);
    }

    public ValueTask<WebhookInboxEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
            return ValueTask.FromResult(_entries.GetValueOrDefault(id)?.Snapshot());
    }

    public ValueTask<IReadOnlyList<WebhookInboxEntry>> ListAsync(WebhookInboxStatus? status, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
            return ValueTask.FromResult<IReadOnlyList<WebhookInboxEntry>>(_order.Where(e => status is null || e.Status == status).Take(max).Select(e => e.Snapshot()).ToArray());
    }

    public ValueTask<WebhookInboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        Span<long> counts = stackalloc long[5];
        DateTimeOffset? oldest = null;
        lock (_lock)
        {
            foreach (var entry in _order)
            {
                counts[(int)entry.Status]++;
                if (oldest is null && entry.Status is WebhookInboxStatus.Queued or WebhookInboxStatus.Processing or WebhookInboxStatus.Retrying)
                    oldest = entry.ReceivedAt; // _order is oldest first
            }
        }
        return ValueTask.FromResult(new WebhookInboxCounts(counts[0], counts[1], counts[2], counts[3], counts[4], oldest));
    }

    public ValueTask<WebhookInboxOperationResult> RescheduleAsync(string id, bool resetAttempts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(id, out var entry))
                return ValueTask.FromResult(WebhookInboxOperationResult.NotFound);
            if (entry.Status is not (WebhookInboxStatus.Retrying or WebhookInboxStatus.Dead))
                return ValueTask.FromResult(WebhookInboxOperationResult.WrongStatus);
            entry.Status = WebhookInboxStatus.Queued;
            entry.DueAt = now;
            if (resetAttempts)
                entry.Attempts = 0;
            if (entry.LastError == WebhookInboxEntry.LeaseRanOutError)
                entry.LastError = null; // else the processor would take the retry for one more lost attempt
        }
        Signal();
        return ValueTask.FromResult(WebhookInboxOperationResult.Done);
    }

    public ValueTask<WebhookInboxOperationResult> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(id, out var entry))
                return ValueTask.FromResult(WebhookInboxOperationResult.NotFound);
            if (entry.Status is not (WebhookInboxStatus.Completed or WebhookInboxStatus.Dead))
                return ValueTask.FromResult(WebhookInboxOperationResult.WrongStatus);
            _entries.Remove(id);
            _order.Remove(entry);
        }
        return ValueTask.FromResult(WebhookInboxOperationResult.Done);
    }

    public ValueTask<long> PurgeAsync(WebhookInboxStatus status, CancellationToken cancellationToken)
    {
        if (status is not (WebhookInboxStatus.Completed or WebhookInboxStatus.Dead))
            throw new ArgumentOutOfRangeException(nameof(status), status, "Only completed entries and dead letters can be purged.");
        lock (_lock)
            return ValueTask.FromResult<long>(_order.RemoveAll(e => e.Status == status && _entries.Remove(e.Id)));
    }

    public ValueTask TrimAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken)
    {
        lock (_lock)
            _order.RemoveAll(e => e.Status == WebhookInboxStatus.Completed && e.CompletedAt < completedBefore && _entries.Remove(e.Id));
        return ValueTask.CompletedTask;
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    // At most one wake-up pending: a burst of deliveries wakes the processor once, not once per delivery.
    private void Signal()
    {
        if (_signal.CurrentCount == 0)
            _signal.Release();
    }
}
